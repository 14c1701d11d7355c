package dev.kubeclient.rest;

import dev.kubeclient.errors.KubeClientException;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A successful (2xx) answer whose body has not been read yet. The caller must {@link #close()} it (or read it
 * fully with one of the decoding methods, which close it), so the connection goes back to the pool.
 */
public final class KubeResponse implements AutoCloseable {

    private final Response response;
    private final KubeJson json;
    private final String description;

    KubeResponse(Response response, KubeJson json, String description) {
        this.response = response;
        this.json = json;
        this.description = description;
    }

    /** The HTTP status code (2xx). */
    public int code() {
        return response.code();
    }

    /** All response headers. */
    public Headers headers() {
        return response.headers();
    }

    /** The last value of a header, or {@code null}. */
    public String header(String name) {
        return response.header(name);
    }

    /** Every value of a header (empty when absent). */
    public List<String> headers(String name) {
        return response.headers(name);
    }

    /** The response's content type, or {@code null} when the server sent none. */
    public String contentType() {
        ResponseBody body = response.body();
        return body.contentType() == null ? null : body.contentType().toString();
    }

    /** The body as a stream; closing the stream (or this response) frees the connection. */
    public InputStream stream() {
        return response.body().byteStream();
    }

    /** The whole body; closes the response. */
    public byte[] bytes() {
        try (response) {
            return response.body().bytes();
        } catch (IOException e) {
            throw new KubeClientException("reading the body of " + description + " failed: " + e.getMessage(), e);
        }
    }

    /** The whole body as UTF-8 text; closes the response. */
    public String string() {
        try (response) {
            return response.body().string();
        } catch (IOException e) {
            throw new KubeClientException("reading the body of " + description + " failed: " + e.getMessage(), e);
        }
    }

    /** The body decoded as JSON into {@code type}; closes the response. */
    public <T> T as(Class<T> type) {
        return as(json.mapper().constructType(type));
    }

    /** The body decoded as JSON into a generic type; closes the response. */
    public <T> T as(TypeReference<T> type) {
        return as(json.mapper().constructType(type));
    }

    private <T> T as(JavaType type) {
        byte[] bytes = bytes();
        try {
            return json.read(bytes, type);
        } catch (KubeClientException e) {
            throw new KubeClientException("the answer to " + description + " is not a valid "
                    + type.toCanonical() + ": " + e.getMessage(), e.getCause());
        }
    }

    /** Frees the connection; the unread rest of the body is discarded. */
    @Override
    public void close() {
        response.close();
    }

    @Override
    public String toString() {
        return "KubeResponse[" + response.code() + " " + description + "]";
    }
}
