package dev.bindsmith.rndc.bind;

import dev.bindsmith.core.port.ZonePatch;
import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.dns.conf.ConfSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Fuzz target: named's {@code showzone} text as the BIND adapter reads it for a zone's details and for
 * modzone — {@link ZoneStatement#parse}, its typed view ({@link ZoneStatement#toConfig}, every
 * address and key element) and a rewrite that keeps every other directive ({@link ZoneStatement#patched}
 * replacing allow-transfer and allow-update, then {@link ZoneStatement#body}). Only {@link ConfSyntaxException} and
 * {@link ZoneStatement.UnsupportedType} are refusals. Corpus: {@code fuzz/ShowzoneFuzzTarget/}
 * (showzone replies of named 9.18 and the addzone/modzone golden texts).
 */
public final class ShowzoneFuzzTarget {
    /** Replaces allow-transfer, rewrites allow-update's addresses keeping its keys, leaves the rest. */
    private static final ZonePatch REWRITE = new ZonePatch(
            Optional.empty(),
            Optional.of(List.of(new AddressMatch.BuiltIn("none"))),
            Optional.of(List.of(new AddressMatch.BuiltIn("localhost"))));

    private ShowzoneFuzzTarget() {}

    public static void fuzzerTestOneInput(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ZoneStatement statement;
        try {
            statement = ZoneStatement.parse(text);
        } catch (ConfSyntaxException refused) {
            return;
        }
        statement.zoneName();
        for (var d : statement.directives()) {
            ZoneStatement.elements(d);
        }
        try {
            statement.toConfig(text);
        } catch (ZoneStatement.UnsupportedType refused) {
            // stub, forward … zones are not bindsmith's
        }
        statement.patched(REWRITE).body();
    }
}
