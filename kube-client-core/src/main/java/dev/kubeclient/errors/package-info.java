/** The exception family: {@link dev.kubeclient.errors.KubeClientException} and the typed errors decoded from the API's {@code Status}. */
package dev.kubeclient.errors;
