package dev.kubeclient.transport;

import dev.kubeclient.auth.TokenSource;
import dev.kubeclient.observation.KubeClientListener;
import dev.kubeclient.observation.RequestInfo;
import dev.kubeclient.observation.RetryReason;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Puts the credential on each request, as client-go's bearer and basic-auth round trippers: {@code Authorization:
 * Bearer <token>} from a {@link TokenSource}, or a fixed basic-auth header. A request that already carries
 * {@code Authorization} is left alone.
 *
 * <p>On a 401 the token source is told which token was rejected; when it says a fresh one can be had (exec plugin
 * re-run, token file rotated, OIDC refresh) the request is sent once more with it. Never more than once, so a
 * server that rejects every token cannot cause a loop. Failing to get a token surfaces as an {@link IOException}
 * from the call.
 */
final class AuthInterceptor implements Interceptor {

    static final String AUTHORIZATION = "Authorization";
    /** The attempt number reported for the one retry after a refresh (the first retry of this request). */
    static final int REFRESH_ATTEMPT = 2;

    private final TokenSource tokens;
    private final String basicAuthorization;
    private final KubeClientListener listener;

    AuthInterceptor(TokenSource tokens, String basicAuthorization, KubeClientListener listener) {
        this.tokens = tokens;
        this.basicAuthorization = basicAuthorization;
        this.listener = listener;
    }

    boolean isActive() {
        return tokens != null || basicAuthorization != null;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.header(AUTHORIZATION) != null) {
            return chain.proceed(request);
        }
        if (basicAuthorization != null) {
            return chain.proceed(request.newBuilder().header(AUTHORIZATION, basicAuthorization).build());
        }
        if (tokens == null) {
            return chain.proceed(request);
        }
        String token = token(request);
        Response response = chain.proceed(withBearer(request, token));
        if (response.code() != 401 || token == null || !resendable(request) || !invalidate(request, token)) {
            return response;
        }
        response.close();
        RequestInfo info = request.tag(RequestInfo.class);
        if (info != null) {
            listener.requestRetried(info, RetryReason.UNAUTHORIZED_REFRESH, REFRESH_ATTEMPT, Duration.ZERO);
        }
        return chain.proceed(withBearer(request, token(request)));
    }

    private static boolean resendable(Request request) {
        return request.body() == null || !(request.body().isOneShot() || request.body().isDuplex());
    }

    private static Request withBearer(Request request, String token) {
        return token == null ? request : request.newBuilder().header(AUTHORIZATION, "Bearer " + token).build();
    }

    private String token(Request request) throws IOException {
        String token;
        try {
            token = tokens.token();
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot get a bearer token for " + target(request) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Interceptors may only throw IOException: anything else would escape OkHttp's error handling
            // (and kill the thread of an asynchronous call), so credential errors are wrapped.
            throw new IOException("cannot get a bearer token for " + target(request) + ": " + e.getMessage(), e);
        }
        return token == null || token.isBlank() ? null : token.trim();
    }

    private boolean invalidate(Request request, String rejected) throws IOException {
        try {
            return tokens.invalidate(rejected);
        } catch (RuntimeException e) {
            throw new IOException("cannot refresh the bearer token for " + target(request) + " after a 401: "
                    + e.getMessage(), e);
        }
    }

    private static String target(Request request) {
        return request.url().scheme() + "://" + request.url().host() + ":" + request.url().port();
    }
}
