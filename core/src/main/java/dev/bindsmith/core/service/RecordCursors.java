package dev.bindsmith.core.service;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Paging a zone's records: the opaque cursor is the canonical sort key of the last record of a page,
 * base64url-encoded, so that a page follows from the key alone, whatever changed in between.
 */
final class RecordCursors {
    private RecordCursors() {}

    /** The records after {@code after} that pass the filters, in canonical order, cut to {@code limit}. */
    static RecordPage page(
            ZoneName zone,
            List<Record> records,
            Optional<DomainName> owner,
            Optional<RecordType> type,
            Optional<String> after,
            int limit) {
        List<Record> sorted = records.stream()
                .filter(r -> owner.map(o -> o.equals(r.owner())).orElse(true))
                .filter(r -> type.map(t -> t == r.type()).orElse(true))
                .filter(r -> after.map(k -> key(r).compareTo(k) > 0).orElse(true))
                .sorted(Comparator.comparing(RecordCursors::key))
                .distinct()
                .toList();
        if (sorted.size() <= limit) {
            return new RecordPage(zone, sorted, Optional.empty());
        }
        List<Record> page = sorted.subList(0, limit);
        return new RecordPage(zone, page, Optional.of(encode(key(page.get(limit - 1)))));
    }

    /** Owner labels right to left (DNS canonical order), then type code, then data. */
    static String key(Record r) {
        String owner = r.owner().value();
        List<String> labels = new ArrayList<>(List.of(owner.isEmpty() ? new String[0] : owner.split("\\.")));
        java.util.Collections.reverse(labels);
        int code = r.type() == RecordType.OTHER ? 65536 : r.type().code();
        return String.join("\u0001", labels) + "\u0000" + String.format("%05d", code) + "\u0000"
                + r.data().presentation();
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return key.indexOf('\u0000') > 0 || key.startsWith("\u0000") ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
