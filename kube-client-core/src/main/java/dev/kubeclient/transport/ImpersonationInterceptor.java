package dev.kubeclient.transport;

import dev.kubeclient.config.Impersonation;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds the {@code Impersonate-*} headers the API server reads to act as another user, as client-go's
 * impersonating round tripper: one {@code Impersonate-Group} per group and one {@code Impersonate-Extra-<key>}
 * per value, the key percent-encoded where it holds bytes a header name may not. A request that already carries
 * {@code Impersonate-User} is left as it is.
 */
final class ImpersonationInterceptor implements Interceptor {

    static final String USER = "Impersonate-User";
    static final String UID = "Impersonate-Uid";
    static final String GROUP = "Impersonate-Group";
    static final String EXTRA_PREFIX = "Impersonate-Extra-";

    private static final String TOKEN_PUNCTUATION = "!#$&'*+-.^_`|~";

    private final Headers headers;

    ImpersonationInterceptor(Impersonation impersonation) {
        Headers.Builder h = new Headers.Builder();
        if (impersonation.user() != null) {
            h.addUnsafeNonAscii(USER, impersonation.user());
        }
        if (impersonation.uid() != null) {
            h.addUnsafeNonAscii(UID, impersonation.uid());
        }
        for (String group : impersonation.groups()) {
            h.addUnsafeNonAscii(GROUP, group);
        }
        // Sorted so the headers come out in the same order every time (handy in traces and tests).
        for (Map.Entry<String, List<String>> extra : new TreeMap<>(impersonation.extra()).entrySet()) {
            for (String value : extra.getValue()) {
                h.addUnsafeNonAscii(EXTRA_PREFIX + encodeExtraKey(extra.getKey()), value);
            }
        }
        this.headers = h.build();
    }

    /**
     * Percent-encodes every byte of the UTF-8 key that is not an RFC 7230 token character, and {@code %} itself,
     * which is how the API server expects extra keys such as {@code example.com/scope} to arrive.
     */
    static String encodeExtraKey(String key) {
        StringBuilder s = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (c < 0x80 && TOKEN_PUNCTUATION.indexOf(c) >= 0);
            if (token) {
                s.append((char) c);
            } else {
                s.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return s.toString();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (headers.size() == 0 || request.header(USER) != null) {
            return chain.proceed(request);
        }
        Headers.Builder merged = request.headers().newBuilder();
        for (int i = 0; i < headers.size(); i++) {
            merged.addUnsafeNonAscii(headers.name(i), headers.value(i));
        }
        return chain.proceed(request.newBuilder().headers(merged.build()).build());
    }
}
