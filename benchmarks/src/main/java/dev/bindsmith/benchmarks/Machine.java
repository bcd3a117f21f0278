package dev.bindsmith.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What the benchmarks read from the machine: load, a process's RSS, free ports, where the repository is. */
final class Machine {
    private Machine() {}

    /** The 1-, 5- and 15-minute load averages, as {@code /proc/loadavg} says them. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The resident set of process {@code pid} in KiB ({@code VmRSS}), or -1 when it cannot be read. */
    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or not Linux
        }
        return -1;
    }

    static String mib(long kib) {
        return kib < 0 ? "?" : String.format(Locale.ROOT, "%.0f", kib / 1024.0);
    }

    /** A port free on loopback now (the benchmark starts its servers right after). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** The repository's root: where {@code ./bindsmith} is (the benchmarks run in {@code benchmarks/}). */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("bindsmith")) && Files.isDirectory(p.resolve("cli-adapter"))) {
                return p;
            }
        }
        throw new IllegalStateException("run the benchmark from the repository (no ./bindsmith above " + here + ")");
    }

    /** The first line of a command's output ({@code named -v}), or empty. */
    static Optional<String> firstLine(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return out.isEmpty()
                    ? Optional.empty()
                    : Optional.of(out.lines().findFirst().orElse(""));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
