package dev.bindsmith.core.catalog;

import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.ZoneName;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Member ids and group names. A member's id is the SHA-1 of its zone name in DNS wire format (lower
 * case), in hex: stable across restarts and producers, derived from the name alone, as BIND's own
 * documentation suggests. A zone therefore keeps its id for as long as it exists, and a consumer that
 * sees a new id for a zone knows it was deleted and created again (RFC 9432 §5.4).
 */
public final class CatalogIds {
    /** Groups bindsmith accepts: one label-like word, which every consumer can map to a template. */
    public static final int MAX_GROUP_LENGTH = 63;

    private CatalogIds() {}

    public static String of(ZoneName zone) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(wire(zone.apex())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** The owner of a member's PTR: {@code <id>.zones.<catalog>}. */
    public static DomainName memberOwner(ZoneName catalog, String id) {
        return DomainName.of(id + ".zones." + catalog.value());
    }

    /** The owner of a member's property: {@code <property>.<id>.zones.<catalog>}. */
    public static DomainName propertyOwner(ZoneName catalog, String id, String property) {
        return DomainName.of(property + "." + id + ".zones." + catalog.value());
    }

    /** Why {@code group} is not a group bindsmith writes, or empty: 1–63 letters, digits, {@code - _ .}. */
    public static Optional<String> groupProblem(String group) {
        if (group.isEmpty() || group.length() > MAX_GROUP_LENGTH) {
            return Optional.of("catalogGroup must be 1 to " + MAX_GROUP_LENGTH + " characters long");
        }
        boolean ok = group.chars()
                .allMatch(c -> (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '-'
                        || c == '_'
                        || c == '.');
        return ok
                ? Optional.empty()
                : Optional.of("catalogGroup may hold letters, digits, '-', '_' and '.' only (the RFC 9432 group"
                        + " property consumers map to a template)");
    }

    private static byte[] wire(DomainName name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!name.isRoot()) {
            for (String label : name.value().split("\\.")) {
                byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
                out.write(bytes.length);
                out.writeBytes(bytes);
            }
        }
        out.write(0);
        return out.toByteArray();
    }
}
