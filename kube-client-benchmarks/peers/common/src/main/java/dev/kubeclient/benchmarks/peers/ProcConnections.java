package dev.kubeclient.benchmarks.peers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Established TCP connections of this process to one port, read from Linux's {@code /proc}: the socket inodes among
 * the open file descriptors, looked up in the kernel's TCP tables. Needs no hook in the client under test.
 */
final class ProcConnections {

    private static final String ESTABLISHED = "01";

    private ProcConnections() {
    }

    /** How many connections to {@code server}'s port are established, or -1 without {@code /proc}. */
    static int to(URI server) {
        int port = server.getPort() > 0 ? server.getPort() : "http".equals(server.getScheme()) ? 80 : 443;
        Path descriptors = Path.of("/proc/self/fd");
        if (!Files.isDirectory(descriptors)) {
            return -1;
        }
        try (Stream<Path> entries = Files.list(descriptors)) {
            Set<String> sockets = new HashSet<>();
            entries.forEach(fd -> {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[") && link.endsWith("]")) {
                        sockets.add(link.substring(8, link.length() - 1));
                    }
                } catch (IOException gone) {
                    // The descriptor was closed while we listed them.
                }
            });
            int established = 0;
            for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
                Path file = Path.of(table);
                if (Files.exists(file)) {
                    for (String row : Files.readAllLines(file)) {
                        // Columns: sl, local address, remote address, state, queues, timer, retransmits, uid, timeout, inode.
                        String[] column = row.trim().split("\\s+");
                        if (column.length > 9 && ESTABLISHED.equals(column[3]) && sockets.contains(column[9])
                                && remotePort(column[2]) == port) {
                            established++;
                        }
                    }
                }
            }
            return established;
        } catch (IOException e) {
            return -1;
        }
    }

    private static int remotePort(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.indexOf(':') + 1), 16);
    }
}
