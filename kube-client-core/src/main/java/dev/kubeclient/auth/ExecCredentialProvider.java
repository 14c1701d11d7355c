package dev.kubeclient.auth;

import dev.kubeclient.config.ExecConfig;
import dev.kubeclient.config.ExecPluginPolicy;
import dev.kubeclient.config.RestConfig;
import dev.kubeclient.observation.ExecPluginRun;
import dev.kubeclient.observation.ExecPluginRun.Outcome;
import dev.kubeclient.observation.KubeClientListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A kubeconfig {@code exec} credential plugin ({@code client.authentication.k8s.io/v1} or {@code v1beta1}): runs
 * the command, reads the ExecCredential it prints, and serves its bearer token and/or client certificate until
 * shortly before it expires.
 *
 * <p><b>Environment.</b> The plugin gets the process environment with the plugin's own {@code env} merged over
 * it, plus {@code KUBERNETES_EXEC_INFO}: an ExecCredential whose {@code spec.interactive} says whether it may
 * prompt, and, with {@code provideClusterInfo}, {@code spec.cluster} (server, TLS settings, CA, proxy and the
 * cluster's exec extension) taken from the {@link RestConfig}.
 *
 * <p><b>Interactivity.</b> With {@code Never} the plugin's standard input is empty. With {@code IfAvailable} it
 * inherits the console when there is one. With {@code Always} and no console the plugin is not run and an
 * {@link ExecPluginException} is thrown. An interactive run also inherits standard error, so prompts reach the
 * user (its error output is then not in exception messages).
 *
 * <p><b>Caching.</b> A credential with an {@code expirationTimestamp} is used until 30 s before it expires, or
 * until a fifth of its lifetime is left when that lifetime is short. One without an expiry is used until the
 * server rejects it: {@link #invalidate(String)} after a 401 makes the next call run the plugin again.
 * Concurrent callers share one run: when many threads need a credential at once, one process runs and all get
 * its result (or its failure).
 *
 * <p><b>Laziness.</b> Nothing runs when the provider is built: the plugin first runs when a request needs its
 * credential, and at most once per request (plus once more after a 401 that invalidated the credential).
 *
 * <p><b>Failures</b> are {@link ExecPluginException}s naming the command and quoting the start of its standard
 * error; standard output (which holds the credential) is never quoted. A command that is not found gets the
 * plugin's {@code installHint} in the message and in {@link ExecPluginException#installHint()}. A failure is
 * remembered for {@link #FAILURE_MEMORY} ({@value #FAILURE_MEMORY_SECONDS} s of the injected clock): callers in
 * that window get the same failure without a new run, so a broken or hanging plugin is not started again by
 * every request. Every run is reported to {@link KubeClientListener#execPluginRan}.
 *
 * <p><b>Policy.</b> The configuration's {@link ExecPluginPolicy} is checked before each start; a command it forbids
 * fails with an {@link ExecPluginDeniedException}. Commands are looked up as Go's {@code exec.LookPath} does, on
 * Windows too ({@link ExecCommandLookup}).
 */
public final class ExecCredentialProvider implements TokenSource, ClientCertificateSource {

    private static final Logger log = LoggerFactory.getLogger(ExecCredentialProvider.class);

    /** The ExecCredential versions client-go still speaks; {@code v1alpha1} was removed in Kubernetes 1.24. */
    public static final Set<String> SUPPORTED_API_VERSIONS =
            Set.of("client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1");
    /** A credential is refreshed when less than this is left of its lifetime. */
    public static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);
    /** For short-lived credentials: refreshed when less than this fraction (1/n) of the lifetime is left. */
    private static final int SHORT_LIFETIME_DIVISOR = 5;
    /** Seconds a failed run is remembered; see {@link #FAILURE_MEMORY}. */
    public static final long FAILURE_MEMORY_SECONDS = 10;
    /**
     * How long a failed run is remembered: callers within this time get its failure without a new run. Long enough
     * that a burst of requests (or a retry loop) starts a broken plugin once, short enough that a user who has just
     * fixed their login is not kept waiting.
     */
    public static final Duration FAILURE_MEMORY = Duration.ofSeconds(FAILURE_MEMORY_SECONDS);
    /** How much of the plugin's standard error goes into an exception message. */
    private static final int STDERR_IN_MESSAGE = 1000;

    private final ExecConfig exec;
    private final RestConfig cluster;
    private final Clock clock;
    private final Map<String, String> processEnvironment;
    private final boolean consoleAvailable;
    private final KubeClientListener listener;
    private final ExecPluginPolicy policy;
    private final String osName;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong runs = new AtomicLong();
    private final Object lock = new Object();

    private Credential cached;
    private Failure lastFailure;
    private CompletableFuture<Credential> inFlight;
    private volatile long generation;
    private ClientCertificate lastCertificate;

    /** A failed run, remembered until {@code until}. */
    private record Failure(ExecPluginException exception, Instant until) {
    }

    /** What one successful run gave. */
    private record Credential(String token, ClientCertificate certificate, Instant expiry, Instant refreshAt) {

        boolean usableAt(Instant now) {
            return refreshAt == null || now.isBefore(refreshAt);
        }
    }

    /**
     * A provider for the plugin {@code exec} of the user of {@code cluster} (whose server, TLS settings and
     * listener are used).
     *
     * @throws ExecPluginException when the ExecCredential apiVersion is not supported
     */
    public ExecCredentialProvider(ExecConfig exec, RestConfig cluster, AuthEnvironment environment) {
        this.exec = Objects.requireNonNull(exec, "exec");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(environment, "environment");
        this.clock = environment.clock();
        this.processEnvironment = environment.environment();
        this.consoleAvailable = environment.consoleAvailable();
        this.listener = KubeClientListener.composite(List.of(cluster.listener()));
        this.policy = cluster.execPluginPolicy();
        this.osName = environment.osName();
        if (!SUPPORTED_API_VERSIONS.contains(exec.apiVersion())) {
            throw new ExecPluginException("exec plugin '" + exec.command() + "' asks for ExecCredential apiVersion '"
                    + exec.apiVersion() + "', which is not supported; use client.authentication.k8s.io/v1 (or v1beta1)",
                    Outcome.NOT_STARTED, exec.command(), exec.installHint(), null);
        }
    }

    /**
     * The plugin's bearer token, running it first when nothing usable is cached; {@code null} when the plugin
     * answered with a client certificate only.
     *
     * @throws ExecPluginException when the plugin fails
     * @throws InterruptedIOException when the calling thread is interrupted while the plugin runs
     */
    @Override
    public String token() throws IOException {
        return credential().token();
    }

    /**
     * The plugin's client certificate, running it first when nothing usable is cached; {@code null} when the
     * plugin answered with a token only.
     *
     * @throws ExecPluginException when the plugin fails
     * @throws InterruptedIOException when the calling thread is interrupted while the plugin runs
     */
    @Override
    public ClientCertificate current() throws IOException {
        return credential().certificate();
    }

    @Override
    public long generation() {
        return generation;
    }

    /**
     * Forgets the cached credential when it carried {@code rejectedToken}, so that the next call runs the plugin
     * again. Always {@code true}: a plugin can always be asked for a fresh credential.
     */
    @Override
    public boolean invalidate(String rejectedToken) {
        synchronized (lock) {
            if (cached != null && Objects.equals(cached.token(), rejectedToken)) {
                cached = null;
            }
        }
        return true;
    }

    /** How many times the plugin has been started by this provider. */
    public long runs() {
        return runs.get();
    }

    private Credential credential() throws IOException {
        while (true) {
            CompletableFuture<Credential> flight;
            boolean mine = false;
            synchronized (lock) {
                Instant now = clock.instant();
                if (cached != null && cached.usableAt(now)) {
                    return cached;
                }
                if (lastFailure != null && now.isBefore(lastFailure.until())) {
                    throw remembered(lastFailure);
                }
                if (inFlight == null) {
                    inFlight = new CompletableFuture<>();
                    mine = true;
                }
                flight = inFlight;
            }
            if (mine) {
                return runAndPublish(flight);
            }
            try {
                return flight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException(
                        "interrupted while waiting for exec plugin '" + exec.command() + "'");
                interrupted.initCause(e);
                throw interrupted;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof InterruptedIOException) {
                    // The thread running the plugin was interrupted, not this one: run it again ourselves.
                    continue;
                }
                // A fresh exception per caller, so that each thread's stack trace is its own.
                if (cause instanceof ExecPluginException p) {
                    throw copy(p, p.getMessage());
                }
                if (cause instanceof IOException io) {
                    throw new IOException(io.getMessage(), io);
                }
                throw new CredentialException(cause.getMessage(), cause);
            }
        }
    }

    private Credential runAndPublish(CompletableFuture<Credential> flight) throws IOException {
        try {
            Credential fresh = runPlugin();
            synchronized (lock) {
                cached = fresh;
                lastFailure = null;
                inFlight = null;
                if (certificateChanged(fresh.certificate())) {
                    generation++;
                }
            }
            flight.complete(fresh);
            return fresh;
        } catch (IOException | RuntimeException | Error e) {
            synchronized (lock) {
                inFlight = null;
                if (e instanceof ExecPluginException p) {
                    lastFailure = new Failure(p, clock.instant().plus(FAILURE_MEMORY));
                }
            }
            flight.completeExceptionally(e);
            throw e;
        }
    }

    private ExecPluginException remembered(Failure failure) {
        ExecPluginException e = failure.exception();
        return copy(e, e.getMessage() + " (this failure is remembered until " + failure.until() + "; the plugin is "
                + "not run again before then)");
    }

    /** A fresh exception per caller, so that each thread's stack trace is its own. */
    private static ExecPluginException copy(ExecPluginException e, String message) {
        if (e instanceof ExecPluginDeniedException denied) {
            ExecPluginDeniedException fresh = new ExecPluginDeniedException(message, denied.command(), denied.policy());
            fresh.initCause(denied);
            return fresh;
        }
        return new ExecPluginException(message, e.outcome(), e.command(), e.installHint(), e);
    }

    private boolean certificateChanged(ClientCertificate fresh) {
        ClientCertificate previous = lastCertificate;
        if (fresh == null) {
            return false;
        }
        lastCertificate = fresh;
        if (previous == null) {
            return false;
        }
        try {
            return !Arrays.equals(previous.leaf().getEncoded(), fresh.leaf().getEncoded())
                    || !Arrays.equals(previous.privateKey().getEncoded(), fresh.privateKey().getEncoded());
        } catch (CertificateEncodingException e) {
            return true;
        }
    }

    private Credential runPlugin() throws IOException {
        boolean interactive = switch (exec.interactiveMode()) {
            case NEVER -> false;
            case IF_AVAILABLE -> consoleAvailable;
            case ALWAYS -> {
                if (!consoleAvailable) {
                    throw new ExecPluginException("exec plugin '" + exec.command() + "' has interactiveMode Always "
                            + "but there is no console (standard input is not a terminal); run it where a user can "
                            + "answer, or configure a non-interactive plugin", Outcome.NOT_STARTED, exec.command(),
                            exec.installHint(), null);
                }
                yield true;
            }
        };
        Map<String, String> env = ExecCommandLookup.pluginEnvironment(osName, processEnvironment, exec.env());
        ExecCommandLookup lookup = ExecCommandLookup.onFileSystem(osName, env);
        String resolved = lookup.resolve(exec.command()).orElse(null);
        checkPolicy(lookup, resolved);
        if (resolved == null) {
            report(Outcome.NOT_STARTED, -1, Duration.ZERO);
            throw failure(Outcome.NOT_STARTED, "was not found on the PATH of the plugin's environment", "");
        }
        env.put("KUBERNETES_EXEC_INFO", execInfo(interactive));
        List<String> command = new java.util.ArrayList<>();
        command.add(resolved);
        command.addAll(exec.args());

        long run = runs.incrementAndGet();
        ExecProcess.Result result = ExecProcess.run(command, env, interactive, interactive, exec.timeout(),
                "kube-client-exec-" + Integer.toHexString(System.identityHashCode(this)) + "-" + run);
        if (result.outcome() != Outcome.SUCCESS) {
            report(result.outcome(), result.exitCode(), result.duration());
            throw failure(result.outcome(), result.failure(), result.stderr());
        }
        try {
            Credential credential = parse(result.stdout());
            report(Outcome.SUCCESS, 0, result.duration());
            log.debug("Exec plugin '{}' gave a credential expiring {}", exec.command(),
                    credential.expiry() == null ? "never" : credential.expiry());
            return credential;
        } catch (ExecPluginException e) {
            report(Outcome.INVALID_OUTPUT, 0, result.duration());
            throw new ExecPluginException(e.getMessage() + stderrPart(result.stderr()), Outcome.INVALID_OUTPUT,
                    exec.command(), exec.installHint(), null);
        }
    }

    private ExecPluginException failure(Outcome outcome, String what, String stderr) {
        String hint = outcome == Outcome.NOT_STARTED && exec.installHint() != null
                ? "\n" + exec.installHint().strip() : "";
        return new ExecPluginException("exec plugin '" + exec.command() + "' " + what + stderrPart(stderr) + hint,
                outcome, exec.command(), exec.installHint(), null);
    }

    /** Refuses to start a command the configuration's policy forbids (client-go 1.35's plugin policy). */
    private void checkPolicy(ExecCommandLookup lookup, String resolved) {
        boolean allowed = switch (policy.type()) {
            case ALLOW_ALL -> true;
            case DENY_ALL -> false;
            case ALLOWLIST -> resolved != null && policy.allowlist().stream().anyMatch(entry -> {
                String allowedPath = ExecPluginPolicy.isPath(entry) ? entry : lookup.resolve(entry).orElse(null);
                return allowedPath != null && lookup.samePath(allowedPath, resolved);
            });
        };
        if (!allowed) {
            report(Outcome.DENIED, -1, Duration.ZERO);
            String target = resolved == null || resolved.equals(exec.command()) ? "" : " (" + resolved + ")";
            throw new ExecPluginDeniedException("exec plugin '" + exec.command() + "'" + target + " is not allowed by "
                    + "the exec plugin policy " + policy.describe() + " of " + where() + "; ask whoever sets the "
                    + "policy (RestConfig.execPluginPolicy) to allow it, or use a kubeconfig with another credential",
                    exec.command(), policy);
        }
    }

    private String where() {
        return cluster.origin() == null ? "the configuration for " + cluster.server() : cluster.origin();
    }

    private void report(Outcome outcome, int exitCode, Duration duration) {
        listener.execPluginRan(new ExecPluginRun(exec.command(), outcome, exitCode, duration));
    }

    private static String stderrPart(String stderr) {
        String s = stderr == null ? "" : stderr.strip();
        if (s.isEmpty()) {
            return "";
        }
        if (s.length() > STDERR_IN_MESSAGE) {
            s = s.substring(0, STDERR_IN_MESSAGE) + "... (" + (s.length() - STDERR_IN_MESSAGE) + " more characters)";
        }
        return "; its stderr: " + s;
    }

    /** The ExecCredential passed in {@code KUBERNETES_EXEC_INFO}; Go's omitempty is mirrored by leaving out unset fields. */
    String execInfo(boolean interactive) {
        ObjectNode root = json.createObjectNode();
        root.put("apiVersion", exec.apiVersion());
        root.put("kind", "ExecCredential");
        ObjectNode spec = root.putObject("spec");
        if (exec.provideClusterInfo()) {
            ObjectNode c = spec.putObject("cluster");
            c.put("server", cluster.server().toString());
            if (cluster.tlsServerName() != null) {
                c.put("tls-server-name", cluster.tlsServerName());
            }
            if (cluster.insecureSkipTlsVerify()) {
                c.put("insecure-skip-tls-verify", true);
            }
            byte[] ca = caBytes();
            if (ca != null) {
                c.put("certificate-authority-data", Base64.getEncoder().encodeToString(ca));
            }
            if (cluster.proxy() != null) {
                c.put("proxy-url", cluster.proxy().toString());
            }
            if (cluster.disableCompression()) {
                c.put("disable-compression", true);
            }
            if (exec.clusterExtension() != null) {
                c.set("config", json.valueToTree(exec.clusterExtension()));
            }
        }
        spec.put("interactive", interactive);
        return json.writeValueAsString(root);
    }

    private byte[] caBytes() {
        if (cluster.caData() != null) {
            return cluster.caData();
        }
        if (cluster.caFile() == null) {
            return null;
        }
        try {
            return Files.readAllBytes(cluster.caFile());
        } catch (IOException e) {
            throw new ExecPluginException("cannot read the CA file " + cluster.caFile() + " to pass to exec plugin '"
                    + exec.command() + "' in KUBERNETES_EXEC_INFO (" + e.getClass().getSimpleName() + ")", Outcome.NOT_STARTED, e);
        }
    }

    private Credential parse(byte[] stdout) {
        String who = "exec plugin '" + exec.command() + "'";
        JsonNode root;
        try {
            root = json.readTree(stdout);
        } catch (JacksonException e) {
            // The parser's message quotes the input, which may be a credential: leave it and the cause out.
            throw new ExecPluginException(who + " printed output that is not JSON; it must print an ExecCredential "
                    + "object on standard output", Outcome.INVALID_OUTPUT);
        }
        if (root == null || !root.isObject()) {
            throw new ExecPluginException(who + " printed no ExecCredential object on standard output", Outcome.INVALID_OUTPUT);
        }
        if (!"ExecCredential".equals(string(root, "kind"))) {
            throw new ExecPluginException(who + " printed an object whose kind is not ExecCredential", Outcome.INVALID_OUTPUT);
        }
        String apiVersion = string(root, "apiVersion");
        if (!exec.apiVersion().equals(apiVersion)) {
            String got = SUPPORTED_API_VERSIONS.contains(apiVersion) ? "'" + apiVersion + "'" : "another value";
            throw new ExecPluginException(who + " answered with apiVersion " + got + " but was asked for '"
                    + exec.apiVersion() + "'; the kubeconfig's exec.apiVersion must match what the plugin prints",
                    Outcome.INVALID_OUTPUT);
        }
        JsonNode status = root.path("status");
        if (!status.isObject()) {
            throw new ExecPluginException(who + " printed an ExecCredential without a status", Outcome.INVALID_OUTPUT);
        }
        String token = string(status, "token");
        String certData = string(status, "clientCertificateData");
        String keyData = string(status, "clientKeyData");
        token = token == null || token.isEmpty() ? null : token;
        boolean hasCert = certData != null && !certData.isEmpty();
        boolean hasKey = keyData != null && !keyData.isEmpty();
        if (hasCert != hasKey) {
            throw new ExecPluginException(who + " returned " + (hasCert ? "clientCertificateData without clientKeyData"
                    : "clientKeyData without clientCertificateData") + "; both are needed", Outcome.INVALID_OUTPUT);
        }
        if (token == null && !hasCert) {
            throw new ExecPluginException(who + " returned an ExecCredential with neither status.token nor "
                    + "status.clientCertificateData/clientKeyData", Outcome.INVALID_OUTPUT);
        }
        ClientCertificate certificate = null;
        if (hasCert) {
            try {
                certificate = Pem.clientCertificate(certData.getBytes(StandardCharsets.UTF_8),
                        "status.clientCertificateData of " + who, keyData.getBytes(StandardCharsets.UTF_8),
                        "status.clientKeyData of " + who);
            } catch (CredentialException e) {
                throw new ExecPluginException(e.getMessage(), Outcome.INVALID_OUTPUT);
            }
        }
        Instant now = clock.instant();
        Instant expiry = null;
        Instant refreshAt = null;
        String expiration = string(status, "expirationTimestamp");
        if (expiration != null && !expiration.isEmpty()) {
            try {
                expiry = OffsetDateTime.parse(expiration).toInstant();
            } catch (DateTimeParseException e) {
                throw new ExecPluginException(who + " returned a status.expirationTimestamp that is not an RFC 3339 "
                        + "time", Outcome.INVALID_OUTPUT);
            }
            if (!expiry.isAfter(now)) {
                throw new ExecPluginException(who + " returned a credential that had already expired (at " + expiry
                        + ", now " + now + "); check the plugin's own cache and the machine's clock", Outcome.INVALID_OUTPUT);
            }
            Duration lifetime = Duration.between(now, expiry);
            Duration short_ = lifetime.dividedBy(SHORT_LIFETIME_DIVISOR);
            refreshAt = expiry.minus(short_.compareTo(REFRESH_MARGIN) < 0 ? short_ : REFRESH_MARGIN);
        }
        return new Credential(token, certificate, expiry, refreshAt);
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    @Override
    public String toString() {
        // Not ExecConfig.toString(): arguments can carry secrets too, so only their number is shown.
        return "ExecCredentialProvider[command=" + exec.command() + ", apiVersion=" + exec.apiVersion() + ", args=<"
                + exec.args().size() + ">, env=" + new java.util.TreeSet<>(exec.env().keySet()) + ", interactiveMode="
                + exec.interactiveMode() + ", timeout=" + exec.timeout() + ", credential=<redacted>]";
    }
}
