package dev.bindsmith.testing.named;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A named started by {@link NamedLauncher}: where it listens, its keys and files. {@link #close()}
 * stops it (SIGTERM, then SIGKILL after 10 s) and deletes its directory; a JVM that exits without
 * closing it still stops it, from a shutdown hook. Set the system property
 * {@code bindsmith.keepNamedDir=true} to keep the directory for a post-mortem.
 */
public final class RunningNamed implements AutoCloseable {
    static final InetAddress LOOPBACK = loopback();

    private static final Set<RunningNamed> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> LIVE.forEach(RunningNamed::close), "bindsmith-named-reaper"));
    }

    private volatile Process process;
    private final Path directory;
    private final Path namedConf;
    private final Path rndcConf;
    private final Path logFile;
    private final int dnsPort;
    private final int controlPort;
    private final NamedKey rndcKey;
    private final NamedKey updateKey;
    private final List<PortReservation> ports;
    private final List<String> command;
    private final Duration readyTimeout;
    private volatile boolean closed;

    RunningNamed(
            Process process,
            Path directory,
            Path namedConf,
            Path rndcConf,
            Path logFile,
            int dnsPort,
            int controlPort,
            NamedKey rndcKey,
            NamedKey updateKey,
            List<PortReservation> ports,
            List<String> command,
            Duration readyTimeout) {
        this.process = process;
        this.directory = directory;
        this.namedConf = namedConf;
        this.rndcConf = rndcConf;
        this.logFile = logFile;
        this.dnsPort = dnsPort;
        this.controlPort = controlPort;
        this.rndcKey = rndcKey;
        this.updateKey = updateKey;
        this.ports = List.copyOf(ports);
        this.command = List.copyOf(command);
        this.readyTimeout = readyTimeout;
        LIVE.add(this);
    }

    /** {@code 127.0.0.1}: every listener of the launched named is on loopback. */
    public InetAddress address() {
        return LOOPBACK;
    }

    /** The DNS port (UDP and TCP) on 127.0.0.1. */
    public int dnsPort() {
        return dnsPort;
    }

    /** The rndc control channel port on 127.0.0.1. */
    public int controlPort() {
        return controlPort;
    }

    /** The key the control channel accepts. */
    public NamedKey rndcKey() {
        return rndcKey;
    }

    /** A second key, declared in named.conf, for TSIG-signed RFC 2136 updates ({@code allow-update { key "update-key"; }}). */
    public NamedKey updateKey() {
        return updateKey;
    }

    /** named's working directory (named.conf, rndc.conf, the log, the NZD file). */
    public Path directory() {
        return directory;
    }

    /** An empty directory for zone files, {@code <directory>/zones}. */
    public Path zoneDirectory() {
        return directory.resolve("zones");
    }

    public Path namedConf() {
        return namedConf;
    }

    /** An rndc.conf for the {@code rndc} binary ({@code rndc -c <this> status}), for baselines. */
    public Path rndcConf() {
        return rndcConf;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything named has logged so far ({@code -g}: all of its logging goes to this file). */
    public String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "(named's log could not be read: " + e.getMessage() + ")";
        }
    }

    /** The last {@code lines} lines of named's log, for failure messages. */
    public String logTail(int lines) {
        return tail(log(), lines);
    }

    /**
     * Waits until named's log contains {@code fragment} (for effects that named reports only there,
     * such as a zone that failed to load). True when it appeared within {@code timeout}.
     */
    public boolean awaitLog(String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(fragment)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(25);
        }
        return true;
    }

    /**
     * Stops named (SIGTERM) and starts it again on the same directory, configuration and ports, as an
     * operator's restart does: zones added at run time come back from its NZD file, dynamic zones from
     * their journals. Returns once the new process is ready, as {@link NamedLauncher#start()} judges it.
     */
    public void restart() {
        if (closed) {
            throw new IllegalStateException("named was closed");
        }
        stopProcess();
        long logged = log().length();
        try {
            process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            throw new NamedStartException("cannot start named again: " + e.getMessage(), logTail(40));
        }
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (true) {
            String all = log();
            String since = all.length() > logged ? all.substring((int) logged) : "";
            if (!process.isAlive()) {
                throw new NamedStartException(
                        "named exited with code " + process.exitValue() + " after a restart", tail(since, 40));
            }
            if (NamedLauncher.RUNNING.matcher(since).find()
                    && since.contains("command channel listening on 127.0.0.1#" + controlPort)
                    && NamedLauncher.accepts(controlPort)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new NamedStartException(
                        "named was not ready within " + readyTimeout.toSeconds() + " s of a restart", tail(since, 40));
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NamedStartException("interrupted while waiting for named", tail(since, 40));
            }
        }
    }

    /** Stops named and deletes its directory. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopProcess();
        ports.forEach(PortReservation::close);
        if (!Boolean.getBoolean("bindsmith.keepNamedDir")) {
            deleteTree(directory);
        }
        LIVE.remove(this);
    }

    void stopProcess() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "RunningNamed[pid=" + process.pid() + ", dns=127.0.0.1#" + dnsPort + ", control=127.0.0.1#" + controlPort
                + ", dir=" + directory + "]";
    }

    static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary directory must not fail the test that used it
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
