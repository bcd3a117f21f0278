package dev.bindsmith.http.access;

import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.core.zone.ZoneName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a grant allows an operation, in the peers' conventions: a zone outside the grant does not exist
 * for it (404 on every route, so its existence is not leaked); a zone inside it with a verb, a record
 * type or a server action the grant lacks is 403 {@code INSUFFICIENT_SCOPE}, saying what was required and
 * what is granted. Creating a zone needs write on its name. A name that is not a valid zone name is
 * allowed through: the use case refuses it (400) before anything is touched.
 */
public final class Policy {
    private Policy() {}

    /** The verdict. */
    public sealed interface Decision {
        record Allowed() implements Decision {}

        /** The zone is outside the grant: answered exactly as a zone that does not exist. */
        record Hidden(ZoneName zone) implements Decision {}

        /** 403: {@code required} is what the request needs, {@code granted} what the token has. */
        record Insufficient(Map<String, Object> required, Map<String, Object> granted, String sentence)
                implements Decision {
            public Insufficient {
                required = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(required));
                granted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(granted));
                Objects.requireNonNull(sentence, "sentence");
            }
        }
    }

    private static final Decision ALLOWED = new Decision.Allowed();

    /** The operation on {@code rawZone} (the zone of the path or, to create one, of the body). */
    public static Decision decide(Grant grant, Operation op, Optional<String> rawZone) {
        Objects.requireNonNull(grant, "grant");
        return switch (op.target()) {
            case SERVER -> grant.access().includes(op.access()) ? ALLOWED : insufficient(grant, required(op), "");
            case EVERY_ZONE -> {
                if (!grant.everyZone()) {
                    var required = required(op);
                    required.put("zones", List.of("*"));
                    yield insufficient(grant, required, " (the server's state spans every zone)");
                }
                yield grant.access().includes(op.access()) ? ALLOWED : insufficient(grant, required(op), "");
            }
            case LISTED -> grant.access().includes(op.access()) ? ALLOWED : insufficient(grant, required(op), "");
            case ZONE, WHOLE_ZONE, RECORDS -> {
                Optional<ZoneName> zone = rawZone.flatMap(ZoneName::parse);
                if (zone.isEmpty()) {
                    yield ALLOWED;
                }
                if (!grant.covers(zone.get())) {
                    yield new Decision.Hidden(zone.get());
                }
                yield onZone(grant, op, zone.get());
            }
            case NEW_ZONE -> {
                Optional<ZoneName> zone = rawZone.flatMap(ZoneName::parse);
                if (zone.isEmpty()) {
                    yield ALLOWED;
                }
                if (!grant.covers(zone.get())) {
                    var required = required(op);
                    required.put("zone", zone.get().value());
                    yield insufficient(grant, required, "");
                }
                yield onZone(grant, op, zone.get());
            }
        };
    }

    private static Decision onZone(Grant grant, Operation op, ZoneName zone) {
        var required = required(op);
        required.put("zone", zone.value());
        if (!grant.access().includes(op.access())) {
            return insufficient(grant, required, "");
        }
        boolean wholeZone = op.target() == Operation.Target.WHOLE_ZONE || op.target() == Operation.Target.NEW_ZONE;
        if (wholeZone && !grant.everyRecordType()) {
            required.put("recordTypes", List.of("*"));
            return insufficient(grant, required, " (it changes records of every type)");
        }
        return ALLOWED;
    }

    /**
     * The record types a change (or every change of a change set) names, judged as a whole: one type the
     * grant lacks refuses them all. A type that is missing is left to validation (400).
     */
    public static Decision types(Grant grant, Operation op, ZoneName zone, List<String> types) {
        if (grant.everyRecordType()) {
            return ALLOWED;
        }
        Set<String> named = new LinkedHashSet<>();
        boolean refused = false;
        for (String raw : types) {
            Optional<RecordType> type = RecordType.parse(raw);
            named.add(type.map(Enum::name).orElse(printable(raw)));
            refused |= type.isEmpty() || !grant.allowsType(type.get());
        }
        if (!refused) {
            return ALLOWED;
        }
        var required = required(op);
        required.put("zone", zone.value());
        required.put("recordTypes", List.copyOf(named));
        return insufficient(grant, required, "");
    }

    private static Map<String, Object> required(Operation op) {
        var map = new LinkedHashMap<String, Object>();
        map.put("access", op.access().wireName());
        return map;
    }

    private static Decision.Insufficient insufficient(Grant grant, Map<String, Object> required, String why) {
        Map<String, Object> granted = grant.describe();
        List<String> needs = new ArrayList<>();
        needs.add(required.get("access") + " access");
        if (required.containsKey("zone")) {
            needs.add("to zone " + required.get("zone"));
        }
        if (required.containsKey("recordTypes")) {
            needs.add("for record types " + String.join(", ", strings(required.get("recordTypes"))));
        }
        if (required.containsKey("zones")) {
            needs.add("on every zone");
        }
        String sentence = "This needs " + String.join(" ", needs) + why + "; the token grants "
                + granted.get("access") + " on " + String.join(", ", strings(granted.get("zones")))
                + " for record types " + String.join(", ", strings(granted.get("recordTypes")));
        return new Decision.Insufficient(required, granted, sentence);
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private static String printable(String raw) {
        String v = raw.strip().toUpperCase(Locale.ROOT);
        v = v.length() > 16 ? v.substring(0, 16) + "…" : v;
        return v.replaceAll("[^A-Z0-9-]", "?");
    }
}
