package dev.kubeclient.errors;

/**
 * The base of every exception kube-client throws: configuration problems, credential failures, transport
 * failures, and answers from the API server ({@code KubeApiException} and its subtypes). Unchecked, so it passes
 * through lambdas such as retry actions. Messages say what happened and, where there is one, what to do; they
 * never contain a credential.
 */
public class KubeClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public KubeClientException(String message) {
        super(message);
    }

    /** An exception with a message and its cause. */
    public KubeClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
