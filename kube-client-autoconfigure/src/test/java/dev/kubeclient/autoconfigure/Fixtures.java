package dev.kubeclient.autoconfigure;

import dev.kubeclient.config.ConfigEnvironment;
import dev.kubeclient.config.InClusterConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Kubeconfig files, ServiceAccount folders and simulated process environments written to a test's temp folder. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * A kubeconfig with contexts {@code dev} (current, namespace {@code team-a}) and {@code staging}, both for
     * {@code server} with a bearer token ({@code token-dev} / {@code token-staging}).
     */
    static Path kubeconfig(Path dir, String name, String server) {
        return write(dir.resolve(name), """
                apiVersion: v1
                kind: Config
                current-context: dev
                clusters:
                - name: c
                  cluster:
                    server: %s
                users:
                - name: dev
                  user:
                    token: token-dev
                - name: staging
                  user:
                    token: token-staging
                contexts:
                - name: dev
                  context: {cluster: c, user: dev, namespace: team-a}
                - name: staging
                  context: {cluster: c, user: staging, namespace: team-b}
                """.formatted(server));
    }

    /** A kubeconfig whose only user authenticates with the exec plugin {@code command}. */
    static Path execKubeconfig(Path dir, String server, String command, String installHint) {
        return write(dir.resolve("exec.kubeconfig"), """
                apiVersion: v1
                kind: Config
                current-context: cloud
                clusters:
                - name: c
                  cluster:
                    server: %s
                users:
                - name: u
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: %s
                      interactiveMode: Never
                      installHint: "%s"
                contexts:
                - name: cloud
                  context: {cluster: c, user: u}
                """.formatted(server, command, installHint));
    }

    /** A ServiceAccount folder with a token, the test CA and namespace {@code in-pod}. */
    static Path serviceAccount(Path dir) {
        Path folder = dir.resolve("serviceaccount");
        write(folder.resolve(InClusterConfig.TOKEN_FILE), "pod-token");
        write(folder.resolve(InClusterConfig.NAMESPACE_FILE), "in-pod");
        try (InputStream ca = Fixtures.class.getResourceAsStream("/auth/ca.pem")) {
            Files.write(folder.resolve(InClusterConfig.CA_FILE), ca.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** An environment with home folder {@code home}, the given variables, and the ServiceAccount in {@code serviceAccount}. */
    static ConfigEnvironment environment(Path home, Path serviceAccount, Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(variables);
        all.putIfAbsent("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return new ConfigEnvironment(all, home, serviceAccount);
    }

    /** The variables kubelet sets in a pod. */
    static Map<String, String> podVariables() {
        return Map.of(InClusterConfig.SERVICE_HOST_ENV, "10.96.0.1", InClusterConfig.SERVICE_PORT_ENV, "443");
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
