package dev.kubeclient.testing.server;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Faults a test scripts: the next requests matching a method and a path pattern answer 429 or a 5xx, are delayed,
 * or have their connection cut. Rules are tried in the order they were added; each is used up after its count.
 *
 * <pre>{@code
 * server.faults().on("GET", "/api/v1/namespaces/default/configmaps").times(2).tooManyRequests(Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>Path patterns: {@code *} matches within one path segment, {@code **} across segments; a pattern of
 * {@code null} or {@code "**"} matches every path. Methods compare case-insensitively; {@code null} or {@code "*"}
 * matches any.
 */
public final class Faults {

    /** What a matching request gets. */
    enum Kind { STATUS, TOO_MANY_REQUESTS, DELAY, CUT }

    /** A rule in effect. */
    record Active(String method, Pattern path, AtomicInteger remaining, Kind kind, int code, Duration duration) {
    }

    private final List<Active> rules = new CopyOnWriteArrayList<>();

    Faults() {
    }

    /** Starts a rule for requests with this method (or {@code "*"}) whose path matches the pattern. */
    public Rule on(String method, String pathPattern) {
        return new Rule(method, pathPattern);
    }

    /** Starts a rule for every request. */
    public Rule onEveryRequest() {
        return new Rule(null, null);
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /** The rule the request uses up, or {@code null}. */
    Active take(String method, String path) {
        for (Active a : rules) {
            if ((a.method() == null || a.method().equals(method)) && a.path().matcher(path).matches()) {
                int left = a.remaining().decrementAndGet();
                if (left >= 0) {
                    if (left == 0) {
                        rules.remove(a);
                    }
                    return a;
                }
                rules.remove(a);
            }
        }
        return null;
    }

    static Pattern glob(String pattern) {
        if (pattern == null || pattern.equals("**")) {
            return Pattern.compile(".*");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append("[^/]*");
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** A rule being described; it takes effect with one of the answer methods. */
    public final class Rule {
        private final String method;
        private final String path;
        private int times = 1;

        private Rule(String method, String path) {
            this.method = method == null || method.equals("*") ? null : method.toUpperCase(Locale.ROOT);
            this.path = path;
        }

        /**
         * How many matching requests the rule applies to (default 1).
         *
         * @throws IllegalArgumentException if {@code n < 1}
         */
        public Rule times(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("times must be at least 1, got " + n);
            }
            this.times = n;
            return this;
        }

        /**
         * Answers as API Priority and Fairness does when it rejects: 429, {@code text/plain} "Too many requests,
         * please try again later.", {@code Retry-After} in whole seconds.
         */
        public void tooManyRequests(Duration retryAfter) {
            add(Kind.TOO_MANY_REQUESTS, 429, Objects.requireNonNull(retryAfter, "retryAfter"));
        }

        /**
         * Answers with a Status body of this code (500 InternalError, 503 ServiceUnavailable, 504 Timeout, 429
         * TooManyRequests with {@code Retry-After: 1}, or any other code).
         *
         * @throws IllegalArgumentException for a code outside 400..599
         */
        public void status(int code) {
            if (code < 400 || code > 599) {
                throw new IllegalArgumentException("fault status must be an error code (400..599), got " + code);
            }
            add(Kind.STATUS, code, Duration.ZERO);
        }

        /** Holds matching requests this long, then serves them normally. */
        public void delay(Duration delay) {
            add(Kind.DELAY, 0, Objects.requireNonNull(delay, "delay"));
        }

        /** Closes the connection without an answer (over HTTP/2 the whole connection goes, as when a proxy drops it). */
        public void cutConnection() {
            add(Kind.CUT, 0, Duration.ZERO);
        }

        private void add(Kind kind, int code, Duration duration) {
            rules.add(new Active(method, glob(path), new AtomicInteger(times), kind, code, duration));
        }
    }
}
