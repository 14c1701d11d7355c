package dev.kubeclient.autoconfigure;

import dev.kubeclient.flowcontrol.Backoff;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import java.util.Objects;

/**
 * A core {@link Backoff} as Spring's {@link BackOff}: the same delays (client-go's {@code wait.Backoff} with its
 * upward-only jitter), and {@link BackOffExecution#STOP} once {@code steps - 1} waits were given, so that at most
 * {@code steps} attempts are made, as {@code retry.RetryOnConflict} does.
 */
final class KubeBackOff implements BackOff {

    private final Backoff backoff;

    KubeBackOff(Backoff backoff) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    @Override
    public BackOffExecution start() {
        Backoff.Schedule schedule = backoff.schedule();
        int[] waits = {0};
        return () -> waits[0]++ < backoff.steps() - 1 ? schedule.next().toMillis() : BackOffExecution.STOP;
    }

    @Override
    public String toString() {
        return "KubeBackOff[" + backoff + "]";
    }
}
