package dev.kubeclient.discovery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The API server's build, from {@code GET /version} (client-go's {@code version.Info}).
 *
 * @param major        the major version, such as {@code 1}
 * @param minor        the minor version, such as {@code 20} (some distributions append {@code +})
 * @param gitVersion   the full version, such as {@code v1.20.2}
 * @param gitCommit    the source commit
 * @param gitTreeState {@code clean} or {@code dirty}
 * @param buildDate    when it was built, as the server prints it
 * @param goVersion    the Go version it was built with
 * @param compiler     the Go compiler
 * @param platform     {@code os/arch}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerVersion(String major, String minor, String gitVersion, String gitCommit, String gitTreeState,
                            String buildDate, String goVersion, String compiler, String platform) {
}
