/**
 * Watch streams: {@link dev.kubeclient.watch.Watch} decodes one open stream of events;
 * {@link dev.kubeclient.watch.ResilientWatcher} keeps a watch going across server timeouts, dropped connections
 * and expired resourceVersions (client-go's RetryWatcher and Reflector, without the cache).
 */
package dev.kubeclient.watch;
