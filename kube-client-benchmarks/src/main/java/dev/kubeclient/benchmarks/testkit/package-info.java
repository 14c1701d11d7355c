/** A measurement harness for the in-JVM test API server of kube-client-test (see docs/testing.md). */
package dev.kubeclient.benchmarks.testkit;
