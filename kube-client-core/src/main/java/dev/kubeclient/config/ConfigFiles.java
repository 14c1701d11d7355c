package dev.kubeclient.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Checks on files a configuration names, so a bad path fails at start-up with a message that says why. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /** What is wrong with {@code file} as something to read ("does not exist", ...), or empty when it is readable. */
    static Optional<String> problemReading(Path file) {
        if (!Files.exists(file)) {
            return Optional.of("does not exist");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("is not a regular file");
        }
        if (!Files.isReadable(file)) {
            return Optional.of("is not readable (check its owner and mode)");
        }
        return Optional.empty();
    }
}
