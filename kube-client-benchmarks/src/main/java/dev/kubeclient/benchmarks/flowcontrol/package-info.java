/** JMH benchmarks of the client-side rate limiter: achieved rate against the token-bucket promise, and per-call cost. */
package dev.kubeclient.benchmarks.flowcontrol;
