package dev.bindsmith.core.port;

import java.util.Objects;

/** What the name server said for a command that succeeded: the command word and its text ({@code ""} when none). */
public record ControlReply(String command, String text) {
    public ControlReply {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(text, "text");
    }
}
