package dev.kubeclient.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code users[]} entry of a kubeconfig (client-go's {@code AuthInfo}): who we are. File paths, including an
 * exec command written as a relative path, are already resolved against the folder of the kubeconfig that defined
 * the entry. {@link #toString()} shows which credentials are set, never their values.
 *
 * @param name the entry's name
 * @param source the kubeconfig file that defined this entry
 * @param token {@code token}; {@code null} if unset
 * @param tokenFile {@code tokenFile}; {@code null} if unset
 * @param username {@code username}; {@code null} if unset
 * @param password {@code password}; {@code null} if unset
 * @param clientCertificate {@code client-certificate}; {@code null} if unset
 * @param clientCertificateData the base64 {@code client-certificate-data} as written; {@code null} if unset
 * @param clientKey {@code client-key}; {@code null} if unset
 * @param clientKeyData the base64 {@code client-key-data} as written; {@code null} if unset
 * @param impersonate {@code as}: the user to impersonate; {@code null} if unset
 * @param impersonateUid {@code as-uid}; {@code null} if unset
 * @param impersonateGroups {@code as-groups}
 * @param impersonateUserExtra {@code as-user-extra}
 * @param exec the {@code exec} stanza as written; {@code null} if unset
 * @param authProvider the {@code auth-provider}; {@code null} if unset
 * @param extensions the entry's {@code extensions}, by name
 */
public record KubeConfigUser(
        String name,
        Path source,
        String token,
        Path tokenFile,
        String username,
        String password,
        Path clientCertificate,
        String clientCertificateData,
        Path clientKey,
        String clientKeyData,
        String impersonate,
        String impersonateUid,
        List<String> impersonateGroups,
        Map<String, List<String>> impersonateUserExtra,
        KubeConfigExec exec,
        AuthProviderConfig authProvider,
        Map<String, Object> extensions) {

    public KubeConfigUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        impersonateGroups = impersonateGroups == null ? List.of() : List.copyOf(impersonateGroups);
        impersonateUserExtra = impersonateUserExtra == null ? Map.of() : Map.copyOf(impersonateUserExtra);
        extensions = Yaml.immutableMap(extensions);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("KubeConfigUser[name=").append(name).append(", source=").append(source);
        if (token != null) s.append(", token=<redacted>");
        if (tokenFile != null) s.append(", tokenFile=").append(tokenFile);
        if (username != null) s.append(", username=").append(username);
        if (password != null) s.append(", password=<redacted>");
        if (clientCertificate != null) s.append(", clientCertificate=").append(clientCertificate);
        if (clientCertificateData != null) s.append(", clientCertificateData=<redacted>");
        if (clientKey != null) s.append(", clientKey=").append(clientKey);
        if (clientKeyData != null) s.append(", clientKeyData=<redacted>");
        if (impersonate != null) s.append(", as=").append(impersonate);
        if (impersonateUid != null) s.append(", as-uid=").append(impersonateUid);
        if (!impersonateGroups.isEmpty()) s.append(", as-groups=").append(impersonateGroups);
        if (!impersonateUserExtra.isEmpty()) s.append(", as-user-extra=").append(impersonateUserExtra.keySet());
        if (exec != null) s.append(", exec=").append(exec);
        if (authProvider != null) s.append(", authProvider=").append(authProvider);
        return s.append(']').toString();
    }
}
