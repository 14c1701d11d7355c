package dev.kubeclient.config;

import dev.kubeclient.errors.KubeClientException;

/**
 * A configuration could not be found or used: a missing or broken kubeconfig, an unknown context, a missing
 * ServiceAccount file. The message names the file, the context or entry, the field, and what to change; it never
 * contains a credential.
 */
public class KubeConfigException extends KubeClientException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public KubeConfigException(String message) {
        super(message);
    }

    /** An exception with a message and its cause. */
    public KubeConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
