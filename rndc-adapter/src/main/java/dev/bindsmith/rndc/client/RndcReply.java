package dev.bindsmith.rndc.client;

import java.util.Objects;
import java.util.Optional;

/**
 * named's answer to a command: the numeric {@code result} (version-specific, informational only),
 * {@code err} (the stable text of a failure, such as {@code not found}), and {@code text} (the
 * human output, {@code ""} when named sent none). Classify by {@code err} and {@code text}, never by
 * the number.
 */
public record RndcReply(String command, long result, Optional<String> err, String text) {
    public RndcReply {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(text, "text");
    }

    public boolean ok() {
        return result == 0 && err.isEmpty();
    }
}
