package dev.kubeclient.watch;

import io.fabric8.kubernetes.api.model.Status;

import java.util.Objects;

/**
 * One event of a watch stream.
 *
 * @param type what happened
 * @param object the object after the change (for {@link Type#DELETED} its last state; for {@link Type#BOOKMARK}
 *               an object carrying only {@code metadata.resourceVersion}); {@code null} for {@link Type#ERROR}
 * @param status for {@link Type#ERROR} the server's Status (code 410 means the resourceVersion is too old);
 *               otherwise {@code null}
 * @param <T> the object type
 */
public record WatchEvent<T>(Type type, T object, Status status) {

    public WatchEvent {
        Objects.requireNonNull(type, "type");
    }

    /** The kinds of watch event, as the API server names them. */
    public enum Type {
        /** An object was created (or existed when a watch without resourceVersion began). */
        ADDED,
        /** An object changed. */
        MODIFIED,
        /** An object was deleted. */
        DELETED,
        /**
         * No change: the watch has seen everything up to the object's resourceVersion. In a streaming list the
         * BOOKMARK annotated {@code k8s.io/initial-events-end: "true"} marks the end of the initial state.
         */
        BOOKMARK,
        /** The server ended the watch with an error; see {@link WatchEvent#status()}. */
        ERROR
    }

    /** Whether this is an ERROR event whose Status code is 410 Gone (resourceVersion too old). */
    public boolean isGone() {
        return type == Type.ERROR && status != null && status.getCode() != null && status.getCode() == 410;
    }
}
