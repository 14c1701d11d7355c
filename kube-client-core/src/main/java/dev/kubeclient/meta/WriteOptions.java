package dev.kubeclient.meta;

/** What every write's options have in common: dry run, field manager, field validation. */
public sealed interface WriteOptions permits CreateOptions, UpdateOptions, PatchOptions, ApplyOptions {

    /** The longest field manager the API server accepts. */
    int MAX_FIELD_MANAGER_LENGTH = 128;

    /** Whether the server only validates ({@code dryRun=All}). */
    boolean dryRun();

    /** The field manager, or {@code null} for the configuration's. */
    String fieldManager();

    /** How unknown fields are treated, or {@code null} for the server's default. */
    FieldValidation fieldValidation();

    /** Rejects a blank or over-long field manager, naming it. */
    static void checkFieldManager(String fieldManager) {
        if (fieldManager == null) {
            return;
        }
        if (fieldManager.isBlank()) {
            throw new IllegalArgumentException("fieldManager must not be blank; leave it null to use RestConfig.fieldManager()");
        }
        if (fieldManager.length() > MAX_FIELD_MANAGER_LENGTH) {
            throw new IllegalArgumentException("fieldManager '" + fieldManager.substring(0, 20) + "...' has "
                    + fieldManager.length() + " characters; the API server allows at most " + MAX_FIELD_MANAGER_LENGTH);
        }
    }
}
