package dev.kubeclient.retry;

import dev.kubeclient.errors.KubeClientException;

/**
 * The thread was interrupted while a retry helper waited before its next attempt. The thread's interrupt flag is
 * set again; the cause is the {@link InterruptedException}, and the error of the last attempt is attached as a
 * suppressed exception.
 */
public class RetryInterruptedException extends KubeClientException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message     what was interrupted
     * @param interrupted the interruption
     * @param lastError   the error of the last attempt
     */
    public RetryInterruptedException(String message, InterruptedException interrupted, Throwable lastError) {
        super(message, interrupted);
        if (lastError != null) {
            addSuppressed(lastError);
        }
    }
}
