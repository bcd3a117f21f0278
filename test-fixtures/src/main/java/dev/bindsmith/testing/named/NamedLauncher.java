package dev.bindsmith.testing.named;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Starts a throwaway {@code named} (BIND 9, {@code /usr/sbin/named}) for tests: its own temporary
 * directory, free loopback ports, a freshly generated rndc key and a second key for RFC 2136
 * updates, {@code allow-new-zones yes}, {@code recursion no}, {@code notify explicit}. Readiness is
 * judged without the {@code rndc} binary: named's log must say the command channel listens on our
 * port and {@code running}, and the control port must accept a connection.
 *
 * <pre>{@code
 * NamedAvailability.assumeOrRequire();
 * try (RunningNamed named = NamedLauncher.create().start()) {
 *     named.controlPort(); named.rndcKey(); named.zoneDirectory(); ...
 * }
 * }</pre>
 *
 * A launcher is a mutable builder; {@link #start()} may be called more than once, each call starts
 * an independent named.
 */
public final class NamedLauncher {
    public static final String RNDC_KEY_NAME = "rndc-key";
    public static final String UPDATE_KEY_NAME = "update-key";

    private static final int PORT_ATTEMPTS = 4;
    static final Pattern RUNNING = Pattern.compile("(?m)^\\S+ \\S+ running$");

    private String rndcAlgorithm = "hmac-sha256";
    private String updateAlgorithm = "hmac-sha256";
    private boolean allowNewZones = true;
    private String extraOptions = "";
    private String extraConfig = "";
    private int workerThreads = 0;
    private Duration readyTimeout = Duration.ofSeconds(30);
    private Supplier<SecureRandom> random = SecureRandom::new;
    private PortReservation reservedDnsPort;

    private NamedLauncher() {}

    /** A launcher with the defaults: hmac-sha256 keys, new zones allowed, 30 s to get ready. */
    public static NamedLauncher create() {
        return new NamedLauncher();
    }

    /** The algorithm of the rndc (control channel) key. */
    public NamedLauncher rndcAlgorithm(String algorithm) {
        this.rndcAlgorithm = checkAlgorithm(algorithm);
        return this;
    }

    /** The algorithm of the TSIG key for RFC 2136 updates. */
    public NamedLauncher updateAlgorithm(String algorithm) {
        this.updateAlgorithm = checkAlgorithm(algorithm);
        return this;
    }

    /** {@code allow-new-zones}; off makes {@code addzone} fail with {@code permission denied}. */
    public NamedLauncher allowNewZones(boolean allow) {
        this.allowNewZones = allow;
        return this;
    }

    /** Statements added inside {@code options { … }}, for example {@code "max-journal-size 1m;"}. */
    public NamedLauncher extraOptions(String statements) {
        this.extraOptions = Objects.requireNonNull(statements, "statements");
        return this;
    }

    /** Top-level statements appended to named.conf, for example a static {@code zone} statement. */
    public NamedLauncher extraConfig(String statements) {
        this.extraConfig = Objects.requireNonNull(statements, "statements");
        return this;
    }

    /** named's {@code -n}: worker threads; 0 lets named decide (one per CPU). */
    public NamedLauncher workerThreads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0");
        }
        this.workerThreads = threads;
        return this;
    }

    public NamedLauncher readyTimeout(Duration timeout) {
        this.readyTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Answers DNS on this port, reserved beforehand (a fleet's secondaries are configured with their
     * primary's port before it starts). The reservation is named's from now on: closing named frees it.
     */
    NamedLauncher dnsPort(PortReservation reserved) {
        this.reservedDnsPort = Objects.requireNonNull(reserved, "reserved");
        return this;
    }

    /** Where key secrets and port choices come from (a fresh {@link SecureRandom} by default). */
    public NamedLauncher random(Supplier<SecureRandom> random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Starts named and waits until it is ready. Throws {@link NamedStartException} with the tail of
     * named's log when named is missing, exits, or is not ready within the timeout.
     */
    public RunningNamed start() {
        Path binary = NamedAvailability.namedBinary()
                .orElseThrow(() -> new NamedStartException(NamedAvailability.MISSING_MESSAGE, ""));
        SecureRandom rng = random.get();
        NamedKey rndcKey = new NamedKey(RNDC_KEY_NAME, rndcAlgorithm, secret(rng, rndcAlgorithm));
        NamedKey updateKey = new NamedKey(UPDATE_KEY_NAME, updateAlgorithm, secret(rng, updateAlgorithm));
        Path dir;
        try {
            dir = Files.createTempDirectory("bindsmith-named-");
            Files.createDirectories(dir.resolve("zones"));
        } catch (IOException e) {
            throw new NamedStartException("cannot create named's directory: " + e.getMessage(), "");
        }
        NamedStartException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            List<PortReservation> ports = new ArrayList<>();
            try {
                ports.add(reservedDnsPort != null ? reservedDnsPort : PortReservation.reserve(rng));
                ports.add(PortReservation.reserve(rng));
            } catch (IOException e) {
                ports.forEach(PortReservation::close);
                RunningNamed.deleteTree(dir);
                throw new NamedStartException("cannot reserve loopback ports: " + e.getMessage(), "");
            }
            try {
                return launch(binary, dir, rndcKey, updateKey, ports);
            } catch (PortInUse e) {
                last = new NamedStartException(
                        "named could not bind its ports after " + (attempt + 1) + " attempts", e.log);
                if (reservedDnsPort != null) {
                    break; // the port was given: another one would not do
                }
            }
        }
        RunningNamed.deleteTree(dir);
        throw last;
    }

    /** Thrown back by {@link #launch} when another process took one of our ports: try new ones. */
    private static final class PortInUse extends Exception {
        final String log;

        PortInUse(String log) {
            super(null, null, false, false);
            this.log = log;
        }
    }

    private RunningNamed launch(
            Path binary, Path dir, NamedKey rndcKey, NamedKey updateKey, List<PortReservation> ports) throws PortInUse {
        int dnsPort = ports.get(0).port();
        int controlPort = ports.get(1).port();
        Path namedConf = dir.resolve("named.conf");
        Path rndcConf = dir.resolve("rndc.conf");
        Path log = dir.resolve("named.log");
        Process process;
        try {
            writePrivate(namedConf, namedConf(dir, dnsPort, controlPort, rndcKey, updateKey));
            writePrivate(rndcConf, rndcConf(controlPort, rndcKey));
            Files.deleteIfExists(log);
            process = new ProcessBuilder(command(binary, namedConf))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            ports.forEach(PortReservation::close);
            RunningNamed.deleteTree(dir);
            throw new NamedStartException("cannot start named: " + e.getMessage(), "");
        }
        RunningNamed named = new RunningNamed(
                process,
                dir,
                namedConf,
                rndcConf,
                log,
                dnsPort,
                controlPort,
                rndcKey,
                updateKey,
                ports,
                command(binary, namedConf),
                readyTimeout);
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (true) {
            String text = named.log();
            if (text.contains("address in use") || text.contains("unable to listen on any configured interfaces")) {
                named.stopProcess();
                ports.forEach(PortReservation::close);
                throw new PortInUse(RunningNamed.tail(text, 40));
            }
            if (!process.isAlive()) {
                int code = process.exitValue();
                named.close();
                throw new NamedStartException(
                        "named exited with code " + code + " before it was ready", RunningNamed.tail(text, 40));
            }
            if (RUNNING.matcher(text).find()
                    && text.contains("command channel listening on 127.0.0.1#" + controlPort)
                    && accepts(controlPort)) {
                return named;
            }
            if (System.nanoTime() > deadline) {
                named.close();
                throw new NamedStartException(
                        "named was not ready within " + readyTimeout.toSeconds() + " s", RunningNamed.tail(text, 40));
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                named.close();
                throw new NamedStartException("interrupted while waiting for named", RunningNamed.tail(text, 40));
            }
        }
    }

    private List<String> command(Path binary, Path namedConf) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-g", "-4", "-c", namedConf.toString()));
        if (workerThreads > 0) {
            command.add("-n");
            command.add(Integer.toString(workerThreads));
        }
        return command;
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(RunningNamed.LOOPBACK, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String namedConf(Path dir, int dnsPort, int controlPort, NamedKey rndcKey, NamedKey updateKey) {
        String d = dir.toString();
        String bindKeys =
                Files.isReadable(Path.of("/etc/bind/bind.keys")) ? "\tbindkeys-file \"/etc/bind/bind.keys\";\n" : "";
        return rndcKey.statement() + updateKey.statement()
                + "\ncontrols {\n\tinet 127.0.0.1 port " + controlPort + " allow { 127.0.0.1; } keys { \""
                + rndcKey.name() + "\"; };\n};\n\n"
                + "options {\n"
                + "\tdirectory \"" + d + "\";\n"
                + "\tpid-file \"" + d + "/named.pid\";\n"
                + "\tlock-file \"" + d + "/named.lock\";\n"
                + "\tsession-keyfile \"" + d + "/session.key\";\n"
                + "\tmanaged-keys-directory \"" + d + "\";\n"
                + "\tnew-zones-directory \"" + d + "\";\n"
                + "\tdump-file \"" + d + "/named_dump.db\";\n"
                + "\tstatistics-file \"" + d + "/named.stats\";\n"
                + "\tmemstatistics-file \"" + d + "/named.memstats\";\n"
                + bindKeys
                + "\tlisten-on port " + dnsPort + " { 127.0.0.1; };\n"
                + "\tlisten-on-v6 { none; };\n"
                + "\tallow-new-zones " + (allowNewZones ? "yes" : "no") + ";\n"
                + "\trecursion no;\n"
                + "\tdnssec-validation no;\n"
                + "\tnotify explicit;\n"
                + "\tallow-transfer { 127.0.0.1; };\n"
                + "\tallow-query { 127.0.0.1; };\n"
                + (extraOptions.isEmpty() ? "" : "\t" + extraOptions + "\n")
                + "};\n"
                + (extraConfig.isEmpty() ? "" : "\n" + extraConfig + "\n");
    }

    private static String rndcConf(int controlPort, NamedKey rndcKey) {
        return rndcKey.statement()
                + "\noptions {\n\tdefault-key \"" + rndcKey.name() + "\";\n\tdefault-server 127.0.0.1;\n"
                + "\tdefault-port " + controlPort + ";\n};\n";
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the directory itself is private to the user already
        }
    }

    static String secret(SecureRandom rng, String algorithm) {
        byte[] bytes = new byte[NamedKey.digestBytes(algorithm)];
        rng.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String checkAlgorithm(String algorithm) {
        if (!NamedKey.ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException(
                    "unsupported key algorithm: " + algorithm + " (one of " + NamedKey.ALGORITHMS + ")");
        }
        return algorithm;
    }
}
