package dev.bindsmith.rndc.bind;

import dev.bindsmith.core.port.DnssecKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads named 9.18's {@code rndc dnssec -status} text (pinned by the golden files beside
 * {@code DnssecTextsTest}, captured from a real named):
 *
 * <pre>
 * dnssec-policy: default
 * current time:  Thu Dec  3 15:36:42 2026
 *
 * key: 39001 (ECDSAP256SHA256), CSK
 *   published:      yes - since Thu Dec  3 15:36:39 2026
 *   key signing:    yes - since Thu Dec  3 15:36:39 2026
 *   zone signing:   yes - since Thu Dec  3 15:36:39 2026
 *
 *   No rollover scheduled
 *   - goal:           omnipresent
 *   - dnskey:         rumoured
 *   …
 * </pre>
 *
 * and the one-line answers of {@code -rollover} and {@code -checkds}, which named sends as a success
 * even when they report a failure.
 */
final class DnssecTexts {
    /** named's whole answer for a zone without a policy (a success, result 0). */
    static final String NO_POLICY = "Zone does not have dnssec-policy";
    /** named's answer to a rollover or checkds that names a key the zone does not have. */
    static final String NO_MATCHING_KEY = "no matching key found";

    private static final Pattern KEY = Pattern.compile("^key: (\\d{1,5}) \\(([^)]*)\\), (KSK|ZSK|CSK)$");
    private static final Pattern STATE = Pattern.compile("^- ([a-z ]+):\\s+(\\S.*)$");
    private static final Pattern ROLE = Pattern.compile("^(published|key signing|zone signing):\\s+(yes|no)\\b.*$");

    private DnssecTexts() {}

    /** The policy named reports; empty for a zone without one. */
    static Optional<String> policy(String text) {
        if (text.strip().equals(NO_POLICY)) {
            return Optional.empty();
        }
        return text.lines()
                .filter(l -> l.startsWith("dnssec-policy: "))
                .map(l -> l.substring("dnssec-policy: ".length()).strip())
                .findFirst();
    }

    /** Every key block, in named's order. */
    static List<DnssecKey> keys(String text) {
        List<DnssecKey> keys = new ArrayList<>();
        Block current = null;
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            Matcher key = KEY.matcher(line);
            if (key.matches()) {
                if (current != null) {
                    keys.add(current.key());
                }
                current = new Block(Integer.parseInt(key.group(1)), key.group(2), key.group(3));
                continue;
            }
            if (current == null || line.isEmpty()) {
                continue;
            }
            Matcher role = ROLE.matcher(line);
            Matcher state = STATE.matcher(line);
            if (role.matches()) {
                boolean yes = role.group(2).equals("yes");
                switch (role.group(1)) {
                    case "published" -> current.published = yes;
                    case "key signing" -> current.keySigning = yes;
                    default -> current.zoneSigning = yes;
                }
            } else if (state.matches()) {
                current.states.put(state.group(1).strip(), state.group(2).strip());
            } else if (current.nextEvent.isEmpty()) {
                current.nextEvent = line;
            }
        }
        if (current != null) {
            keys.add(current.key());
        }
        return keys;
    }

    private static final class Block {
        final int tag;
        final String algorithm;
        final String role;
        boolean published;
        boolean keySigning;
        boolean zoneSigning;
        String nextEvent = "";
        final Map<String, String> states = new LinkedHashMap<>();

        Block(int tag, String algorithm, String role) {
            this.tag = tag;
            this.algorithm = algorithm;
            this.role = role;
        }

        DnssecKey key() {
            return new DnssecKey(tag, algorithm, role, published, keySigning, zoneSigning, nextEvent, states);
        }
    }
}
