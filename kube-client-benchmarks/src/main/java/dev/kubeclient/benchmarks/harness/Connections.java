package dev.kubeclient.benchmarks.harness;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Counts this process's established TCP connections to one port, from {@code /proc} (Linux only): the sockets among
 * the process's open files, matched against the kernel's TCP tables. It sees the client exactly as shipped, without
 * an event listener or a replaced connection pool.
 */
final class Connections {

    private Connections() {
    }

    /** The established connections of this process to {@code server}'s port; -1 where {@code /proc} is missing. */
    static int establishedTo(URI server) {
        int port = server.getPort() > 0 ? server.getPort() : "https".equals(server.getScheme()) ? 443 : 80;
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> files = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) files::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // Closed between the listing and the read.
                }
            }
            int count = 0;
            for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
                Path path = Path.of(table);
                if (!Files.exists(path)) {
                    continue;
                }
                for (String line : Files.readAllLines(path)) {
                    String[] f = line.trim().split("\\s+");
                    // sl local rem st tx:rx tr:when retrnsmt uid timeout inode; state 01 is ESTABLISHED.
                    if (f.length > 9 && f[3].equals("01") && inodes.contains(f[9])
                            && Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16) == port) {
                        count++;
                    }
                }
            }
            return count;
        } catch (IOException e) {
            return -1;
        }
    }
}
