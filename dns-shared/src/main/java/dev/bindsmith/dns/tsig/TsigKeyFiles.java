package dev.bindsmith.dns.tsig;

import dev.bindsmith.dns.conf.ConfSyntaxException;
import dev.bindsmith.dns.conf.KeyStatement;
import dev.bindsmith.dns.conf.KeyStatements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A TSIG key file — {@code key} statements only, as {@code tsig-keygen} and {@code bindsmith key
 * create} write them — read into keys. Every key needs an algorithm and a secret; MD5 and SHA-1 keys
 * are refused unless {@code allowWeak}. Messages name the file, the line and the key, never the secret.
 */
public final class TsigKeyFiles {
    private TsigKeyFiles() {}

    /** A key file that cannot be read or used; the message says where and why. */
    public static final class KeyFileException extends Exception {
        public KeyFileException(String message) {
            super(message, null, false, false);
        }
    }

    public static List<TsigKey> read(Path file, boolean allowWeak) throws KeyFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(file + ": no such file");
        } catch (IOException e) {
            throw new KeyFileException(
                    file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(text, file.toString(), allowWeak);
    }

    /** The keys of {@code text}; {@code source} names it in messages. */
    public static List<TsigKey> parse(String text, String source, boolean allowWeak) throws KeyFileException {
        List<KeyStatement> statements;
        try {
            statements = KeyStatements.parseKeyFile(text);
        } catch (ConfSyntaxException e) {
            throw new KeyFileException(source + ":" + e.getMessage());
        }
        List<TsigKey> keys = new ArrayList<>();
        for (KeyStatement s : statements) {
            String where = source + ":" + s.line() + ": key '" + s.name() + "'";
            if (s.algorithm().isEmpty()) {
                throw new KeyFileException(where + " has no algorithm (add 'algorithm hmac-sha256;')");
            }
            if (s.secret().isEmpty()) {
                throw new KeyFileException(where + " has no secret");
            }
            TsigKey.Algorithm algorithm;
            try {
                algorithm = TsigKey.Algorithm.parse(s.algorithm().get());
            } catch (IllegalArgumentException e) {
                throw new KeyFileException(where + ": " + e.getMessage());
            }
            if (algorithm.weak() && !allowWeak) {
                throw new KeyFileException(where + " uses " + algorithm.text()
                        + ", a weak algorithm (RFC 8945 §6); use hmac-sha256 or stronger, or allow weak algorithms"
                        + " explicitly");
            }
            try {
                keys.add(new TsigKey(s.name(), algorithm, s.secret().get()));
            } catch (IllegalArgumentException e) {
                throw new KeyFileException(where + ": " + e.getMessage());
            }
        }
        return keys;
    }
}
