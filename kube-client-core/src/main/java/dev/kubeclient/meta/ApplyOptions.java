package dev.kubeclient.meta;

/**
 * Options of a server-side apply (metav1.ApplyOptions). Build with {@link #builder()}, or use
 * {@link #fieldManager(String)}; {@link #DEFAULTS} uses the configuration's field manager without force.
 *
 * @param fieldManager    who applies; required, either here or as {@code RestConfig.fieldManager()}
 * @param force           take ownership of fields another manager owns instead of failing with 409 Conflict
 * @param dryRun          whether the server only validates ({@code dryRun=All})
 * @param fieldValidation how unknown fields are treated; {@code null} for the server's default
 */
public record ApplyOptions(String fieldManager, boolean force, boolean dryRun, FieldValidation fieldValidation)
        implements WriteOptions {

    /** The configuration's field manager, no force. */
    public static final ApplyOptions DEFAULTS = new ApplyOptions(null, false, false, null);

    /** Checks the field manager (at most 128 characters). */
    public ApplyOptions {
        WriteOptions.checkFieldManager(fieldManager);
    }

    /** Apply as {@code fieldManager}, without force. */
    public static ApplyOptions fieldManager(String fieldManager) {
        return new ApplyOptions(fieldManager, false, false, null);
    }

    /** These options with force set: take ownership of conflicting fields. */
    public ApplyOptions forced() {
        return new ApplyOptions(fieldManager, true, dryRun, fieldValidation);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().fieldManager(fieldManager).force(force).dryRun(dryRun).fieldValidation(fieldValidation);
    }

    /** Builds {@link ApplyOptions}. */
    public static final class Builder {
        private String fieldManager;
        private boolean force;
        private boolean dryRun;
        private FieldValidation fieldValidation;

        private Builder() {
        }

        /** Who applies. */
        public Builder fieldManager(String fieldManager) { this.fieldManager = fieldManager; return this; }
        /** Take ownership of conflicting fields. */
        public Builder force(boolean force) { this.force = force; return this; }
        /** Validate only, write nothing. */
        public Builder dryRun(boolean dryRun) { this.dryRun = dryRun; return this; }
        /** How to treat unknown fields. */
        public Builder fieldValidation(FieldValidation fieldValidation) { this.fieldValidation = fieldValidation; return this; }

        /** The options. */
        public ApplyOptions build() {
            return new ApplyOptions(fieldManager, force, dryRun, fieldValidation);
        }
    }
}
