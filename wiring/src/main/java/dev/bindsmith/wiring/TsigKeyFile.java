package dev.bindsmith.wiring;

import dev.bindsmith.dns.conf.ConfSyntaxException;
import dev.bindsmith.dns.conf.KeyStatements;
import dev.bindsmith.dns.tsig.TsigKey;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;

/**
 * {@code bindsmith key create}: a new TSIG key, as {@code tsig-keygen} makes one (a random secret as
 * long as the algorithm's digest), printed as a {@code key} statement or added to a key file such as
 * the embedded server's {@code BINDSMITH_TSIG_KEYS}. A key file is written only by its owner and read
 * by nobody else (mode 0600), atomically; a name it holds already is refused, and so is a file that
 * others may read.
 */
public final class TsigKeyFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private TsigKeyFile() {}

    /** What {@link #add} did, without the secret. */
    public record Added(String name, String algorithm, Path file, boolean created) {}

    /**
     * A key made by {@link #generate}: its name, its algorithm and its {@code key} statement, which
     * holds the secret (never in {@link #toString()}).
     */
    public record NewKey(String name, String algorithm, String statement) {
        public NewKey {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(statement, "statement");
        }

        @Override
        public String toString() {
            return "NewKey[name=" + name + ", algorithm=" + algorithm + ", statement=(hidden)]";
        }
    }

    /**
     * A new key; the algorithm as named.conf writes it ({@code hmac-sha256} …). MD5 and SHA-1 only
     * when {@code allowWeak}.
     *
     * @throws IllegalArgumentException a name or algorithm that cannot be used, saying why
     */
    public static NewKey generate(String name, String algorithm, boolean allowWeak, SecureRandom random) {
        Objects.requireNonNull(random, "random");
        TsigKey.nameProblem(name).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        TsigKey.Algorithm a = TsigKey.Algorithm.parse(algorithm);
        if (a.weak() && !allowWeak) {
            throw new IllegalArgumentException(a.text()
                    + " is a weak algorithm (RFC 8945 §6): use hmac-sha256 or stronger, or allow weak algorithms"
                    + " explicitly");
        }
        TsigKey key = TsigKey.generate(name, a, random);
        return new NewKey(key.name(), key.algorithm().text(), key.statement());
    }

    /**
     * Adds {@code key} to {@code file}, creating it with mode 0600 when it does not exist.
     *
     * @throws IllegalArgumentException the file holds a key of that name, is not a key file, or others may read it
     * @throws IOException the file cannot be read or written
     */
    public static Added add(Path file, NewKey key) throws IOException {
        boolean exists = Files.exists(file);
        String text = "";
        if (exists) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(mode)) {
                throw new IllegalArgumentException(
                        file + " may be read by others (" + PosixFilePermissions.toString(mode)
                                + "); a key file is for its owner only: chmod 600 it first");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
            try {
                if (KeyStatements.parseKeyFile(text).stream()
                        .anyMatch(k -> KeyStatements.sameName(k.name(), key.name()))) {
                    throw new IllegalArgumentException(file + " holds a key named '" + key.name() + "' already");
                }
            } catch (ConfSyntaxException e) {
                throw new IllegalArgumentException(file + ":" + e.getMessage() + " (not a key file)");
            }
            if (!text.isEmpty() && !text.endsWith("\n")) {
                text += "\n";
            }
        }
        write(file, text + key.statement());
        return new Added(key.name(), key.algorithm(), file, !exists);
    }

    /** A temporary file of mode 0600 beside the target, fsync, then an atomic rename over it. */
    private static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp =
                Files.createTempFile(dir, ".bindsmith-key-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
