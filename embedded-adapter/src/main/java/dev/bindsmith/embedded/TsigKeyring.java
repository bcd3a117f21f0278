package dev.bindsmith.embedded;

import dev.bindsmith.dns.conf.KeyStatements;
import dev.bindsmith.dns.tsig.TsigKey;
import dev.bindsmith.dns.tsig.TsigKeyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.xbill.DNS.Name;

/**
 * The TSIG keys the server verifies signed requests with: given as a list, or read from a key file
 * ({@link TsigKeyFiles}) that is read again when its content changes. A file that no longer reads
 * keeps the keys it had, with a warning that names the file and the problem, never a secret.
 */
final class TsigKeyring {
    private static final Logger LOG = Logger.getLogger(TsigKeyring.class.getName());

    private final Optional<Path> file;
    private final boolean allowWeak;
    private volatile Map<Name, TsigKey> keys;
    private byte[] digest = new byte[0];

    private TsigKeyring(Optional<Path> file, boolean allowWeak, List<TsigKey> keys) {
        this.file = file;
        this.allowWeak = allowWeak;
        this.keys = index(keys);
    }

    static TsigKeyring of(List<TsigKey> keys) {
        return new TsigKeyring(Optional.empty(), true, keys);
    }

    /** The keys of {@code file}; refuses a file that does not read, or holds weak keys unless {@code allowWeak}. */
    static TsigKeyring load(Path file, boolean allowWeak) throws TsigKeyFiles.KeyFileException {
        TsigKeyring ring = new TsigKeyring(Optional.of(file), allowWeak, List.of());
        ring.keys = index(TsigKeyFiles.read(file, allowWeak));
        ring.digest = digestOf(file);
        return ring;
    }

    /** The key a TSIG record names. */
    Optional<TsigKey> find(Name name) {
        return Optional.ofNullable(keys.get(name));
    }

    /** True when a key of this name is known (names compare as DNS names). */
    boolean has(String keyName) {
        return keys.values().stream().anyMatch(k -> KeyStatements.sameName(k.name(), keyName));
    }

    int size() {
        return keys.size();
    }

    /** Reads the key file again when its content changed; true when the keys were replaced. */
    synchronized boolean reloadIfChanged() {
        if (file.isEmpty()) {
            return false;
        }
        byte[] now = digestOf(file.get());
        if (Arrays.equals(now, digest)) {
            return false;
        }
        try {
            List<TsigKey> fresh = TsigKeyFiles.read(file.get(), allowWeak);
            keys = index(fresh);
            digest = now;
            LOG.info(() -> "TSIG keys reloaded from " + file.get() + ": " + fresh.size() + " keys");
            return true;
        } catch (TsigKeyFiles.KeyFileException e) {
            digest = now;
            LOG.warning(() -> "TSIG key file changed but was not used, the previous keys stay: " + e.getMessage());
            return false;
        }
    }

    private static Map<Name, TsigKey> index(List<TsigKey> keys) {
        Map<Name, TsigKey> map = new HashMap<>();
        for (TsigKey k : keys) {
            map.put(k.dnsName(), k);
        }
        return Map.copyOf(map);
    }

    private static byte[] digestOf(Path file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException e) {
            return new byte[] {0};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
