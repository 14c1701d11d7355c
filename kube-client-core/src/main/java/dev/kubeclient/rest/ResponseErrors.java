package dev.kubeclient.rest;

import dev.kubeclient.errors.KubeClientException;
import okhttp3.Response;

import java.nio.charset.StandardCharsets;

/** Turns a non-2xx answer into the exception the caller gets. */
final class ResponseErrors {

    private ResponseErrors() {
    }

    static RuntimeException toException(String method, String url, Response response, byte[] body, KubeJson json) {
        String text = new String(body, StandardCharsets.UTF_8);
        return new KubeClientException(method + " " + url + " answered " + response.code() + ": " + text);
    }
}
