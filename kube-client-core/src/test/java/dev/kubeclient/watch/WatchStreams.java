package dev.kubeclient.watch;

import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Watch answers for MockWebServer: finite streams, and streams that stay open until the client goes away. */
final class WatchStreams {

    private WatchStreams() {
    }

    static String configMap(String name, String resourceVersion) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
                + "\",\"namespace\":\"ns\",\"resourceVersion\":\"" + resourceVersion + "\"},\"data\":{\"k\":\"v\"}}";
    }

    static String event(String type, String object) {
        return "{\"type\":\"" + type + "\",\"object\":" + object + "}\n";
    }

    static String added(String name, String rv) {
        return event("ADDED", configMap(name, rv));
    }

    static String bookmark(String rv) {
        return event("BOOKMARK", "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\""
                + rv + "\"}}");
    }

    static String gone() {
        return event("ERROR", "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"message\":\"too old resource version: 1 (225)\",\"reason\":\"Expired\",\"code\":410}");
    }

    static String configMapList(String rv, String continueToken, String... names) {
        StringBuilder items = new StringBuilder();
        for (String name : names) {
            items.append(items.length() == 0 ? "" : ",").append(configMap(name, rv));
        }
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{\"resourceVersion\":\"" + rv + "\""
                + (continueToken == null ? "" : ",\"continue\":\"" + continueToken + "\"") + "},\"items\":["
                + items + "]}";
    }

    /** A 200 watch answer with these events, after which the server ends the stream. */
    static MockResponse stream(String... events) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(String.join("", events)).build();
    }

    /**
     * A 200 watch answer that sends these events and then keeps the connection open (a space every 10 ms, which a
     * JSON parser skips) until the client goes away or 30 s pass.
     */
    static MockResponse streamThenHold(String... events) {
        String text = String.join("", events);
        return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(new MockResponseBody() {
                    @Override
                    public long getContentLength() {
                        return -1;
                    }

                    @Override
                    public void writeTo(BufferedSink sink) throws IOException {
                        sink.writeUtf8(text).flush();
                        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                        while (System.nanoTime() < end) {
                            try {
                                Thread.sleep(10);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                            sink.writeUtf8(" ").flush();
                        }
                    }
                }).build();
    }

    /** A 200 watch answer that sends these events and then drops the connection in the middle of the stream. */
    static MockResponse streamThenBreak(String... events) {
        String text = String.join("", events);
        // Promise more bytes than are sent, then close the connection: the client sees the stream break.
        return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(new MockResponseBody() {
                    @Override
                    public long getContentLength() {
                        return text.length() + 1_000;
                    }

                    @Override
                    public void writeTo(BufferedSink sink) throws IOException {
                        sink.writeUtf8(text).flush();
                    }
                }).onResponseEnd(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build();
    }
}
