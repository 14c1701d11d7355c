package dev.kubeclient.meta;

/**
 * Options of a create (metav1.CreateOptions). Build with {@link #builder()}; {@link #DEFAULTS} sets nothing.
 *
 * @param dryRun          whether the server only validates and answers as if it had written ({@code dryRun=All})
 * @param fieldManager    who makes the change, recorded in managedFields; {@code null} for the configuration's
 *                        {@code RestConfig.fieldManager()}
 * @param fieldValidation how unknown fields are treated; {@code null} for the server's default
 */
public record CreateOptions(boolean dryRun, String fieldManager, FieldValidation fieldValidation) implements WriteOptions {

    /** No options. */
    public static final CreateOptions DEFAULTS = new CreateOptions(false, null, null);

    /** Checks the field manager (at most 128 characters, as the API server requires). */
    public CreateOptions {
        WriteOptions.checkFieldManager(fieldManager);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().dryRun(dryRun).fieldManager(fieldManager).fieldValidation(fieldValidation);
    }

    /** Builds {@link CreateOptions}. */
    public static final class Builder {
        private boolean dryRun;
        private String fieldManager;
        private FieldValidation fieldValidation;

        private Builder() {
        }

        /** Validate only, write nothing. */
        public Builder dryRun(boolean dryRun) { this.dryRun = dryRun; return this; }
        /** The field manager's name. */
        public Builder fieldManager(String fieldManager) { this.fieldManager = fieldManager; return this; }
        /** How to treat unknown fields. */
        public Builder fieldValidation(FieldValidation fieldValidation) { this.fieldValidation = fieldValidation; return this; }

        /** The options. */
        public CreateOptions build() {
            return new CreateOptions(dryRun, fieldManager, fieldValidation);
        }
    }
}
