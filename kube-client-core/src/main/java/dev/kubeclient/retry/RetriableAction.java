package dev.kubeclient.retry;

/**
 * An attempt a retry helper may run several times. Usually a lambda that reads an object, changes it and writes it
 * back; return {@code null} when there is nothing to return.
 *
 * @param <T> what the action returns
 * @param <E> the checked exception it may throw; {@link RuntimeException} for actions that throw none
 */
@FunctionalInterface
public interface RetriableAction<T, E extends Exception> {

    /** Runs one attempt. */
    T run() throws E;
}
