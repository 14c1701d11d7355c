package dev.kubeclient.meta;

/**
 * How the server treats unknown or duplicate fields in a write ({@code ?fieldValidation=}, Kubernetes 1.25+;
 * older servers ignore the parameter and drop unknown fields silently).
 */
public enum FieldValidation {
    /** Drop unknown fields silently (the behaviour before 1.25). */
    IGNORE("Ignore"),
    /** Drop unknown fields and answer with a warning header for each. */
    WARN("Warn"),
    /** Reject the request if it has unknown or duplicate fields. */
    STRICT("Strict");

    private final String wireValue;

    FieldValidation(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The query parameter's value. */
    public String wireValue() {
        return wireValue;
    }
}
