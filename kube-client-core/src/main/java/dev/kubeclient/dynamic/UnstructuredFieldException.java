package dev.kubeclient.dynamic;

import dev.kubeclient.errors.KubeClientException;

/**
 * A field of an {@link Unstructured} object holds a value of another type than the one asked for, for example
 * {@code spec.replicas} read as a string. The message names the path, the expected and the actual type.
 */
public class UnstructuredFieldException extends KubeClientException {

    private static final long serialVersionUID = 1L;

    /** An exception with the full message. */
    public UnstructuredFieldException(String message) {
        super(message);
    }
}
