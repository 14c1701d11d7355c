package dev.kubeclient.auth;

import dev.kubeclient.observation.ExecPluginRun.Outcome;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one exec plugin process (its command already resolved by {@link ExecCommandLookup}): feeds it nothing or the console
 * on standard input, drains standard output and error on their own threads (so a chatty plugin cannot block on a
 * full pipe), enforces the timeout by killing the whole process tree, and honours interruption.
 */
final class ExecProcess {

    /** Standard output beyond this is drained and dropped; an ExecCredential is a few kilobytes. */
    static final int MAX_STDOUT = 1 << 20;
    /** Standard error kept for the error message. */
    static final int MAX_STDERR = 16 * 1024;
    /** How long to wait for the reader threads once the process has exited. */
    private static final Duration READER_GRACE = Duration.ofSeconds(2);

    /** What one run produced. {@code stdout} is secret. */
    record Result(Outcome outcome, int exitCode, byte[] stdout, String stderr, Duration duration, String failure) {
    }

    private ExecProcess() {
    }

    /**
     * Runs {@code command}; the reader threads are named {@code threadName} plus {@code -stdout}/{@code -stderr}. Failures to start and timeouts come back as a {@link Result}, not an exception, so that
     * the caller reports every run the same way.
     *
     * @throws InterruptedIOException when the calling thread is interrupted; the process tree is killed first and
     *                                the interrupt flag is restored
     */
    static Result run(List<String> command, Map<String, String> environment, boolean inheritStdin,
                      boolean inheritStderr, Duration timeout, String threadName) throws InterruptedIOException {
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.redirectInput(inheritStdin ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE);
        builder.redirectError(inheritStderr ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            // The JDK's message names the program and errno; it has no arguments or environment.
            return new Result(Outcome.NOT_STARTED, -1, new byte[0], "", elapsed(started),
                    "could not be started (" + e.getMessage() + ")");
        }
        if (!inheritStdin) {
            closeQuietly(process.getOutputStream());
        }
        Drain stdout = new Drain(process.getInputStream(), MAX_STDOUT, threadName + "-stdout");
        Drain stderr = inheritStderr ? null : new Drain(process.getErrorStream(), MAX_STDERR, threadName + "-stderr");
        try {
            boolean exited = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!exited) {
                killTree(process);
                finish(stdout, stderr);
                return new Result(Outcome.TIMED_OUT, -1, new byte[0], text(stderr), elapsed(started),
                        "timed out after " + describe(timeout) + " and was killed");
            }
            boolean complete = finish(stdout, stderr);
            int exit = process.exitValue();
            if (exit != 0) {
                return new Result(Outcome.FAILED, exit, new byte[0], text(stderr), elapsed(started),
                        "failed with exit code " + exit);
            }
            if (!complete) {
                return new Result(Outcome.INVALID_OUTPUT, exit, new byte[0], text(stderr), elapsed(started),
                        "exited but a process it started kept its output open");
            }
            return new Result(Outcome.SUCCESS, 0, stdout.bytes(), text(stderr), elapsed(started), null);
        } catch (InterruptedException e) {
            killTree(process);
            finish(stdout, stderr);
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException(
                    "interrupted while waiting for exec plugin '" + command.get(0) + "'; the plugin was killed");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    /** Kills the process and everything it started; descendants are listed first, before they are orphaned. */
    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** Waits for the readers; when a descendant holds a pipe open, closes the pipes so the readers end. */
    private static boolean finish(Drain stdout, Drain stderr) {
        boolean complete = stdout.await(READER_GRACE);
        if (stderr != null) {
            complete &= stderr.await(READER_GRACE);
        }
        return complete;
    }

    private static String text(Drain stderr) {
        return stderr == null ? "" : new String(stderr.bytes(), StandardCharsets.UTF_8);
    }

    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // The plugin may already have exited; there is nothing to tell it.
        }
    }

    /** Reads a stream to its end on a named daemon thread, keeping at most {@code limit} bytes. */
    private static final class Drain implements Runnable {
        private final InputStream in;
        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in, int limit, String name) {
            this.in = in;
            this.limit = limit;
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (kept) {
                        int room = limit - kept.size();
                        if (room > 0) {
                            kept.write(buffer, 0, Math.min(room, n));
                        }
                    }
                }
            } catch (IOException ignored) {
                // The pipe was closed under us (process killed): what was read so far is all there is.
            }
        }

        boolean await(Duration grace) {
            try {
                thread.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                closeQuietlyIn();
                try {
                    thread.join(grace.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            return true;
        }

        private void closeQuietlyIn() {
            try {
                in.close();
            } catch (IOException ignored) {
                // Best effort: the reader is a daemon thread and ends with the pipe.
            }
        }

        byte[] bytes() {
            synchronized (kept) {
                return kept.toByteArray();
            }
        }
    }
}
