package dev.kubeclient.rest;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses RFC 7234 {@code Warning} header values ({@code 299 - "text" ["date"]}, comma-separated). As in client-go,
 * only code 299 (miscellaneous persistent warning, which the API server uses) is kept; a malformed value ends the
 * parse of that header value, keeping what was read before it.
 */
final class WarningHeaders {

    private WarningHeaders() {
    }

    static List<String> parse(List<String> headerValues) {
        List<String> texts = new ArrayList<>();
        for (String value : headerValues) {
            parseOne(value, texts);
        }
        return texts;
    }

    private static void parseOne(String value, List<String> out) {
        int i = 0;
        int n = value.length();
        while (i < n) {
            i = skip(value, i, " ,\t");
            if (i >= n) {
                return;
            }
            int codeEnd = value.indexOf(' ', i);
            if (codeEnd < 0) {
                return;
            }
            String code = value.substring(i, codeEnd);
            int agentEnd = value.indexOf(' ', codeEnd + 1);
            if (agentEnd < 0 || agentEnd + 1 >= n || value.charAt(agentEnd + 1) != '"') {
                return;
            }
            StringBuilder text = new StringBuilder();
            int j = agentEnd + 2;
            boolean closed = false;
            while (j < n) {
                char c = value.charAt(j++);
                if (c == '\\' && j < n) {
                    text.append(value.charAt(j++));
                } else if (c == '"') {
                    closed = true;
                    break;
                } else {
                    text.append(c);
                }
            }
            if (!closed) {
                return;
            }
            if ("299".equals(code)) {
                out.add(text.toString());
            }
            // An optional quoted warn-date follows; skip it.
            j = skip(value, j, " \t");
            if (j < n && value.charAt(j) == '"') {
                int dateEnd = value.indexOf('"', j + 1);
                if (dateEnd < 0) {
                    return;
                }
                j = dateEnd + 1;
            }
            i = j;
        }
    }

    private static int skip(String s, int i, String chars) {
        while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }
}
