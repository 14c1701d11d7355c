/**
 * Client-side flow control, the Java counterpart of client-go's {@code util/flowcontrol} and {@code wait.Backoff}:
 * the token-bucket {@link dev.kubeclient.flowcontrol.RateLimiter} behind QPS/Burst,
 * {@link dev.kubeclient.flowcontrol.Backoff} schedules, the watch reconnect
 * {@link dev.kubeclient.flowcontrol.ExponentialBackoffManager}, and the injectable time sources
 * ({@link dev.kubeclient.flowcontrol.Ticker}, {@link dev.kubeclient.flowcontrol.Sleeper}) they run on.
 */
package dev.kubeclient.flowcontrol;
