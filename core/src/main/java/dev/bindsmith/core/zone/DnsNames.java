package dev.bindsmith.core.zone;

import java.util.Optional;

/** The name grammar shared by {@link ZoneName} and {@link DomainName}, in one place so they cannot drift. */
final class DnsNames {
    static final int MAX_LABEL = 63;
    static final int MAX_NAME = 253;

    private DnsNames() {}

    /**
     * Why {@code raw} is not an acceptable name, or empty when it is. Accepts one trailing dot.
     * Letters, digits, hyphen and underscore; a label neither starts nor ends with a hyphen; a
     * wildcard {@code *} only as a whole first label and only when {@code wildcardAllowed}.
     */
    static Optional<String> problem(String what, String raw, boolean wildcardAllowed) {
        if (raw == null || raw.isEmpty()) {
            return Optional.of(what + " must not be empty");
        }
        String name = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        if (name.isEmpty()) {
            return Optional.of(what + " must not be the root");
        }
        if (name.length() > MAX_NAME) {
            return Optional.of(
                    what + " is " + name.length() + " characters long; at most " + MAX_NAME + " are allowed");
        }
        String[] labels = name.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (label.isEmpty()) {
                return Optional.of(what + " has an empty label (two dots in a row, or a leading dot)");
            }
            if (label.length() > MAX_LABEL) {
                return Optional.of(what + " has a label of " + label.length() + " characters; at most " + MAX_LABEL
                        + " are allowed");
            }
            if (label.equals("*")) {
                if (!wildcardAllowed || i != 0) {
                    return Optional.of(what + " may only use '*' as its first label of an owner name");
                }
                continue;
            }
            for (int c = 0; c < label.length(); c++) {
                char ch = label.charAt(c);
                boolean ok = (ch >= 'a' && ch <= 'z')
                        || (ch >= 'A' && ch <= 'Z')
                        || (ch >= '0' && ch <= '9')
                        || ch == '-'
                        || ch == '_';
                if (!ok) {
                    return Optional.of(what + " must contain only letters, digits, hyphens, underscores and dots"
                            + " (found " + describe(ch) + ")");
                }
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return Optional.of(what + " has a label that starts or ends with a hyphen: '" + label + "'");
            }
        }
        return Optional.empty();
    }

    static String normalise(String raw) {
        String name = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    private static String describe(char ch) {
        if (ch < 0x20 || ch == 0x7f) {
            return String.format("control character U+%04X", (int) ch);
        }
        if (ch == ' ') {
            return "a space";
        }
        return "'" + ch + "'";
    }
}
