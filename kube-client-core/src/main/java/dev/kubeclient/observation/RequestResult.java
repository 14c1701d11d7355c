package dev.kubeclient.observation;

import java.time.Duration;

/**
 * How a request ended, after all its retries.
 *
 * @param statusCode the final HTTP status, or 0 when no response arrived
 * @param error the exception class's simple name when the request failed without a response (for example
 *              {@code SocketTimeoutException}), otherwise {@code null}: a bounded value, never a message
 * @param latency the time from the first attempt to the final response headers, rate-limiter waits included
 * @param attempts how many times the request was sent (1 when it was not retried)
 */
public record RequestResult(int statusCode, String error, Duration latency, int attempts) {

    /** {@code "2xx"}, {@code "4xx"}... or {@code "error"} when no response arrived; bounded, for metric tags. */
    public String statusClass() {
        return statusCode == 0 ? "error" : (statusCode / 100) + "xx";
    }
}
