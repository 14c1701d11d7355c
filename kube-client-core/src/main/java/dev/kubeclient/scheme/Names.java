package dev.kubeclient.scheme;

/** Validation shared by the name records, so every one reports a bad part the same way. */
final class Names {

    private Names() {
    }

    static void requireToken(String field, String value, String whole) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is blank in '" + whole + "'");
        }
        requireNoSlash(field, value, whole);
        if (!value.strip().equals(value)) {
            throw new IllegalArgumentException(field + " '" + value + "' in '" + whole + "' has surrounding spaces");
        }
    }

    static void requireNoSlash(String field, String value, String whole) {
        if (value.indexOf('/') >= 0) {
            throw new IllegalArgumentException(field + " '" + value + "' in '" + whole + "' must not contain '/'");
        }
    }
}
