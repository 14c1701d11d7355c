package dev.kubeclient.auth;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Go's exec.LookPath rules, Windows ones included, with an injected OS, environment and file system. */
class ExecCommandLookupTest {

    /** A Windows file system: names compare whatever their case. */
    private static Predicate<String> windowsFiles(String... files) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(files));
        return set::contains;
    }

    @Test
    void onWindowsPathIsFoundWhateverTheCaseOfItsName() {
        ExecCommandLookup lookup = new ExecCommandLookup("Windows 11", Map.of("Path", "C:\\tools;C:\\bin"),
                windowsFiles("C:\\bin\\kubelogin.exe"));

        assertThat(lookup.resolve("kubelogin")).contains("C:\\bin\\kubelogin.exe");
    }

    @Test
    void onWindowsPathextIsHonouredInItsOrder() {
        ExecCommandLookup lookup = new ExecCommandLookup("Windows Server 2022",
                Map.of("PATH", "C:\\tools", "PATHEXT", ".CMD;.EXE"),
                windowsFiles("C:\\tools\\gke-gcloud-auth-plugin.exe", "C:\\tools\\gke-gcloud-auth-plugin.cmd"));

        assertThat(lookup.resolve("gke-gcloud-auth-plugin")).contains("C:\\tools\\gke-gcloud-auth-plugin.cmd");
    }

    @Test
    void onWindowsWithoutPathextTheDefaultExtensionsAreTried() {
        ExecCommandLookup lookup = new ExecCommandLookup("Windows 10", Map.of("Path", "C:\\tools"),
                windowsFiles("C:\\tools\\aws.bat"));

        assertThat(lookup.resolve("aws")).contains("C:\\tools\\aws.bat");
    }

    @Test
    void onWindowsACommandWithAnExtensionIsTakenAsItIs() {
        ExecCommandLookup lookup = new ExecCommandLookup("Windows 10", Map.of("Path", "C:\\tools"),
                windowsFiles("C:\\tools\\kubelogin.exe"));

        assertThat(lookup.resolve("kubelogin.exe")).contains("C:\\tools\\kubelogin.exe");
    }

    @Test
    void onWindowsDrivePathsAndUncPathsAreAbsoluteAndGetTheirExtension() {
        ExecCommandLookup lookup = new ExecCommandLookup("Windows 11", Map.of("Path", "C:\\elsewhere"),
                windowsFiles("C:\\Program Files\\kubelogin\\kubelogin.exe", "\\\\corp\\tools\\login.cmd"));

        assertThat(lookup.isPath("C:\\Program Files\\kubelogin\\kubelogin")).isTrue();
        assertThat(lookup.resolve("C:\\Program Files\\kubelogin\\kubelogin"))
                .contains("C:\\Program Files\\kubelogin\\kubelogin.exe");
        assertThat(lookup.resolve("\\\\corp\\tools\\login")).contains("\\\\corp\\tools\\login.cmd");
    }

    @Test
    void onWindowsQuotedPathEntriesMayHoldSemicolons() {
        ExecCommandLookup lookup = new ExecCommandLookup("Windows 11", Map.of("Path", "\"C:\\odd;dir\";C:\\x"),
                windowsFiles("C:\\odd;dir\\plugin.exe"));

        assertThat(lookup.resolve("plugin")).contains("C:\\odd;dir\\plugin.exe");
    }

    @Test
    void onWindowsPathsCompareWhateverTheirCaseAndSlashes() {
        ExecCommandLookup lookup = new ExecCommandLookup("Windows 11", Map.of(), windowsFiles());

        assertThat(lookup.samePath("C:\\Tools\\Kubelogin.EXE", "c:/tools/kubelogin.exe")).isTrue();
    }

    @Test
    void onLinuxOnlyPathIsReadAndCaseMatters() {
        ExecCommandLookup lookup = new ExecCommandLookup("Linux", Map.of("Path", "/opt/bin", "PATH", "/usr/bin"),
                Set.of("/opt/bin/kubelogin", "/usr/bin/Kubelogin")::contains);

        assertThat(lookup.resolve("kubelogin")).isEmpty();
        assertThat(lookup.resolve("Kubelogin")).contains("/usr/bin/Kubelogin");
        assertThat(lookup.isPath("C:\\x")).isFalse();
    }

    @Test
    void onLinuxACommandWithASlashIsUsedAsItIs() {
        ExecCommandLookup lookup = new ExecCommandLookup("Linux", Map.of("PATH", "/usr/bin"), f -> false);

        assertThat(lookup.resolve("./bin/plugin")).contains("./bin/plugin");
    }

    @Test
    void theSystemEnvironmentNeverTellsAPluginInATestRunThatItIsInteractive() {
        // Surefire's forked JVM has no terminal. On JDK 22+ System.console() is not null even then; only
        // Console.isTerminal() says so.
        assertThat(AuthEnvironment.system().consoleAvailable()).isFalse();
    }

    @Test
    void findInstalledAlsoChecksThatAPathCommandExists() {
        ExecCommandLookup unix = new ExecCommandLookup("Linux", Map.of("PATH", "/usr/bin"), Set.of("/opt/login")::contains);
        ExecCommandLookup windows = new ExecCommandLookup("Windows 11", Map.of("Path", "C:\\bin"),
                windowsFiles("C:\\tools\\login.exe"));

        assertThat(unix.findInstalled("/opt/login")).contains("/opt/login");
        assertThat(unix.findInstalled("/opt/absent")).isEmpty();
        assertThat(unix.resolve("/opt/absent")).as("resolve leaves the check to the start").contains("/opt/absent");
        assertThat(windows.findInstalled("C:\\tools\\login")).contains("C:\\tools\\login.exe");
        assertThat(windows.findInstalled("C:\\tools\\absent")).isEmpty();
        assertThat(windows.findInstalled("absent")).isEmpty();
    }

    @Test
    void thePluginEnvironmentIsMergedOverTheProcessOneCaseInsensitivelyOnlyOnWindows() {
        Map<String, String> process = Map.of("Path", "C:\\process", "HOME", "h");
        Map<String, String> plugin = Map.of("PATH", "C:\\plugin");

        assertThat(ExecCommandLookup.pluginEnvironment("Windows 11", process, plugin))
                .containsOnly(Map.entry("PATH", "C:\\plugin"), Map.entry("HOME", "h"));
        assertThat(ExecCommandLookup.pluginEnvironment("Linux", process, plugin))
                .containsOnly(Map.entry("Path", "C:\\process"), Map.entry("PATH", "C:\\plugin"), Map.entry("HOME", "h"));
    }
}
