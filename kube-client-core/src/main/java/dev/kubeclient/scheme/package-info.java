/**
 * The type registry: group/version/kind ↔ Java class ↔ resource name and scope ({@link dev.kubeclient.scheme.Scheme}),
 * the English plural rule for kinds, and a decoder that picks the class from a document's {@code apiVersion} and
 * {@code kind}. The built-in kinds are listed by a class generated at build time from the fabric8 model artifacts.
 */
package dev.kubeclient.scheme;
