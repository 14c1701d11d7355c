package dev.kubeclient.transport;

import okhttp3.Connection;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;

/**
 * Bounds the silence of a watch stream sent over HTTP/1.1, where no HTTP/2 ping notices a peer that went away
 * (a proxy that keeps the TCP connection but lost its upstream, a half-open connection): the socket read times out
 * when nothing has arrived for longer than the server itself would keep the watch open ({@code timeoutSeconds}
 * plus a grace), or for {@link KubeTransport#WATCH_SILENCE_LIMIT} when the request sets no timeout. The reader
 * then gets a {@link java.net.SocketTimeoutException} and a resilient watcher reconnects.
 *
 * <p>A network interceptor, because only then is the protocol known; OkHttp resets the socket's read timeout for
 * the next exchange on the connection, so a pooled connection does not keep it.
 */
final class WatchSilenceTimeout implements Interceptor {

    private final Duration grace;
    private final Duration defaultLimit;

    WatchSilenceTimeout(Duration grace, Duration defaultLimit) {
        this.grace = grace;
        this.defaultLimit = defaultLimit;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        HttpUrl url = chain.request().url();
        if (connection != null && connection.protocol() == Protocol.HTTP_1_1 && isWatch(url)) {
            connection.socket().setSoTimeout((int) Math.min(Integer.MAX_VALUE, limit(url).toMillis()));
        }
        return chain.proceed(chain.request());
    }

    private Duration limit(HttpUrl url) {
        String timeout = url.queryParameter("timeoutSeconds");
        if (timeout != null) {
            try {
                long seconds = Long.parseLong(timeout.trim());
                if (seconds > 0) {
                    return Duration.ofSeconds(seconds).plus(grace);
                }
            } catch (NumberFormatException e) {
                // The server rejects it with a 400; the default limit is as good as any until then.
            }
        }
        return defaultLimit;
    }

    private static boolean isWatch(HttpUrl url) {
        String watch = url.queryParameter("watch");
        return "true".equalsIgnoreCase(watch) || "1".equals(watch);
    }
}
