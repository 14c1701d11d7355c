package dev.kubeclient.rest;

import dev.kubeclient.errors.KubeClientException;
import dev.kubeclient.protobuf.ProtobufFormatException;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
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
        return decode(in -> json.mapper().readValue(in, type), type.toCanonical());
    }

    /**
     * Decodes the body while it streams in, then closes the response. A failure to read (connection cut, timeout)
     * and malformed content are told apart: the first says "reading the body ... failed", the second "... is not a
     * valid {@code what}"; neither quotes the body, which may hold a Secret.
     *
     * @param what the expected content, for the error message (for example {@code ConfigMapList})
     * @throws KubeClientException when reading or decoding fails; an interrupted read also keeps the thread's
     *                             interrupt flag
     */
    public <T> T decode(BodyDecoder<T> decoder, String what) {
        try (response) {
            return decoder.decode(response.body().byteStream());
        } catch (JacksonIOException e) {
            throw readFailed(e.getCause() != null ? e.getCause() : new IOException(e.getOriginalMessage(), e));
        } catch (IOException e) {
            throw readFailed(e);
        } catch (JacksonException e) {
            throw new KubeClientException("the answer to " + description + " is not a valid " + what + ": "
                    + e.getOriginalMessage(), e);
        } catch (ProtobufFormatException e) {
            throw new KubeClientException("the answer to " + description + " is not a valid " + what
                    + " in protobuf: " + e.getMessage(), e);
        }
    }

    private KubeClientException readFailed(IOException e) {
        if (e instanceof java.io.InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)) {
            Thread.currentThread().interrupt();
        }
        return new KubeClientException("reading the body of " + description + " failed: " + e.getMessage(), e);
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
