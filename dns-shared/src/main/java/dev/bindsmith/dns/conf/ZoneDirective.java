package dev.bindsmith.dns.conf;

import java.util.Objects;

/** One directive inside a zone statement's braces: its name, lower-cased, and its exact text ending in {@code ;}. */
public record ZoneDirective(String name, String text) {
    public ZoneDirective {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
