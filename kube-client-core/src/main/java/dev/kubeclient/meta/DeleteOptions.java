package dev.kubeclient.meta;

import java.time.Duration;

/**
 * Options of a delete (metav1.DeleteOptions), sent as the request body as client-go does. Build with
 * {@link #builder()}; {@link #DEFAULTS} leaves everything to the server.
 *
 * @param gracePeriodSeconds          seconds before the object is removed (pods); 0 deletes at once; {@code null}
 *                                    for the object's default
 * @param propagationPolicy           what happens to dependents; {@code null} for the resource's default
 * @param preconditionUid             delete only if the object still has this uid; {@code null} for no check
 * @param preconditionResourceVersion delete only if the object is still at this resourceVersion
 * @param dryRun                      whether the server only validates ({@code dryRun=All})
 */
public record DeleteOptions(Long gracePeriodSeconds, PropagationPolicy propagationPolicy, String preconditionUid,
                            String preconditionResourceVersion, boolean dryRun) {

    /** No options. */
    public static final DeleteOptions DEFAULTS = new DeleteOptions(null, null, null, null, false);

    /** Rejects a negative grace period. */
    public DeleteOptions {
        if (gracePeriodSeconds != null && gracePeriodSeconds < 0) {
            throw new IllegalArgumentException("DeleteOptions.gracePeriodSeconds must not be negative, got " + gracePeriodSeconds);
        }
    }

    /** Whether any option is set (otherwise no body is sent). */
    public boolean isEmpty() {
        return equals(DEFAULTS);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().gracePeriodSeconds(gracePeriodSeconds).propagationPolicy(propagationPolicy)
                .preconditionUid(preconditionUid).preconditionResourceVersion(preconditionResourceVersion).dryRun(dryRun);
    }

    /** Builds {@link DeleteOptions}. */
    public static final class Builder {
        private Long gracePeriodSeconds;
        private PropagationPolicy propagationPolicy;
        private String preconditionUid;
        private String preconditionResourceVersion;
        private boolean dryRun;

        private Builder() {
        }

        /** Seconds before the object goes away; 0 for immediately. */
        public Builder gracePeriodSeconds(Long seconds) { this.gracePeriodSeconds = seconds; return this; }
        /** The grace period, whole seconds. */
        public Builder gracePeriod(Duration period) { this.gracePeriodSeconds = period.toSeconds(); return this; }
        /** What happens to dependents. */
        public Builder propagationPolicy(PropagationPolicy policy) { this.propagationPolicy = policy; return this; }
        /** Delete only if the uid still matches. */
        public Builder preconditionUid(String uid) { this.preconditionUid = uid; return this; }
        /** Delete only if the resourceVersion still matches. */
        public Builder preconditionResourceVersion(String rv) { this.preconditionResourceVersion = rv; return this; }
        /** Validate only, delete nothing. */
        public Builder dryRun(boolean dryRun) { this.dryRun = dryRun; return this; }

        /** The options. */
        public DeleteOptions build() {
            return new DeleteOptions(gracePeriodSeconds, propagationPolicy, preconditionUid, preconditionResourceVersion, dryRun);
        }
    }
}
