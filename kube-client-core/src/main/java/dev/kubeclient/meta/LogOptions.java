package dev.kubeclient.meta;

import java.time.Instant;

/**
 * Options of a pod log read (core/v1 PodLogOptions). Build with {@link #builder()}; {@link #DEFAULTS} reads the
 * whole log of the only container.
 *
 * @param container    the container; {@code null} if the pod has only one
 * @param follow       keep the stream open and send new lines as they come
 * @param previous     the log of the previous, terminated instance of the container
 * @param timestamps   prefix each line with its RFC 3339 timestamp
 * @param tailLines    only the last lines; {@code null} for all
 * @param sinceSeconds only lines newer than this many seconds; {@code null} for all
 * @param sinceTime    only lines after this instant; {@code null} for all (exclusive with sinceSeconds)
 * @param limitBytes   stop after this many bytes; {@code null} for no limit
 */
public record LogOptions(String container, boolean follow, boolean previous, boolean timestamps, Long tailLines,
                         Long sinceSeconds, Instant sinceTime, Long limitBytes) {

    /** No options. */
    public static final LogOptions DEFAULTS = builder().build();

    /** Rejects negative counts and both since-limits at once. */
    public LogOptions {
        if (tailLines != null && tailLines < 0) {
            throw new IllegalArgumentException("LogOptions.tailLines must not be negative, got " + tailLines);
        }
        if (sinceSeconds != null && sinceSeconds <= 0) {
            throw new IllegalArgumentException("LogOptions.sinceSeconds must be positive, got " + sinceSeconds);
        }
        if (limitBytes != null && limitBytes <= 0) {
            throw new IllegalArgumentException("LogOptions.limitBytes must be positive, got " + limitBytes);
        }
        if (sinceSeconds != null && sinceTime != null) {
            throw new IllegalArgumentException("LogOptions: set sinceSeconds or sinceTime, not both");
        }
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LogOptions}. */
    public static final class Builder {
        private String container;
        private boolean follow;
        private boolean previous;
        private boolean timestamps;
        private Long tailLines;
        private Long sinceSeconds;
        private Instant sinceTime;
        private Long limitBytes;

        private Builder() {
        }

        /** The container to read. */
        public Builder container(String container) { this.container = container; return this; }
        /** Keep streaming new lines. */
        public Builder follow(boolean follow) { this.follow = follow; return this; }
        /** The previous instance's log. */
        public Builder previous(boolean previous) { this.previous = previous; return this; }
        /** Prefix lines with timestamps. */
        public Builder timestamps(boolean timestamps) { this.timestamps = timestamps; return this; }
        /** Only the last lines. */
        public Builder tailLines(long lines) { this.tailLines = lines; return this; }
        /** Only lines newer than this many seconds. */
        public Builder sinceSeconds(long seconds) { this.sinceSeconds = seconds; return this; }
        /** Only lines after this instant. */
        public Builder sinceTime(Instant time) { this.sinceTime = time; return this; }
        /** Stop after this many bytes. */
        public Builder limitBytes(long bytes) { this.limitBytes = bytes; return this; }

        /** The options. */
        public LogOptions build() {
            return new LogOptions(container, follow, previous, timestamps, tailLines, sinceSeconds, sinceTime, limitBytes);
        }
    }
}
