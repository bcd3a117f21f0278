package dev.bindsmith.rndc.bind;

import dev.bindsmith.core.port.ServerStatus;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.zone.ZoneName;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Reads named's {@code zonestatus} and {@code status} texts: {@code key: value} lines, raw text kept. */
final class StatusTexts {
    private StatusTexts() {}

    /** Every {@code key: value} line, in named's order; lines without {@code ": "} are skipped. */
    static Map<String, String> properties(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                out.putIfAbsent(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 2).strip());
            }
        }
        return out;
    }

    /**
     * The zone's status. {@code serial} is the {@code serial:} line (the unsigned serial; an
     * inline-signed zone's {@code signed serial:} stays in {@code properties}).
     */
    static ZoneStatus zoneStatus(ZoneName zone, String text) {
        Map<String, String> p = properties(text);
        String files = p.getOrDefault("files", "");
        List<String> fileList = files.isEmpty()
                ? List.of()
                : Arrays.stream(files.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        return new ZoneStatus(zone, p.getOrDefault("type", "unknown"), unsigned32(p.get("serial")), fileList, p, text);
    }

    static ServerStatus serverStatus(String text) {
        Map<String, String> p = properties(text);
        OptionalInt zones = OptionalInt.empty();
        String count = p.get("number of zones");
        if (count != null) {
            int end = 0;
            while (end < count.length() && count.charAt(end) >= '0' && count.charAt(end) <= '9') {
                end++;
            }
            if (end > 0 && end <= 9) {
                zones = OptionalInt.of(Integer.parseInt(count.substring(0, end)));
            }
        }
        boolean running = text.lines().anyMatch(l -> l.strip().equals("server is up and running"));
        return new ServerStatus(p.getOrDefault("version", ""), zones, running, p, text);
    }

    static OptionalLong unsigned32(String s) {
        if (s == null || s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long v = Long.parseLong(s);
        return v <= 0xFFFF_FFFFL ? OptionalLong.of(v) : OptionalLong.empty();
    }
}
