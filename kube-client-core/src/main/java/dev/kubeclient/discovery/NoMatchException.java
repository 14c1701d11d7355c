package dev.kubeclient.discovery;

import dev.kubeclient.errors.KubeClientException;

/**
 * The REST mapper found no resource or kind for a name in discovery that is fresh or was just refreshed (client-go's
 * {@code NoKindMatchError} / {@code NoResourceMatchError}). {@link #searchedFor()} is the name asked for.
 */
public class NoMatchException extends KubeClientException {

    private static final long serialVersionUID = 1L;

    private final String searchedFor;

    /** An exception for a name that matched nothing, with the full explanation. */
    public NoMatchException(String searchedFor, String message) {
        super(message);
        this.searchedFor = searchedFor;
    }

    /** What was looked for, as the caller wrote it ({@code deploy}, {@code Widget.example.com}, a GVK). */
    public String searchedFor() {
        return searchedFor;
    }
}
