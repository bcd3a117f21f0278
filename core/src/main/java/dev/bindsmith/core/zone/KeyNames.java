package dev.bindsmith.core.zone;

/**
 * The grammar of identifiers that reach BIND configuration inside quotes: TSIG key names and DNSSEC
 * policy names. Letters, digits, dot, hyphen, underscore; 1–253 characters. Nothing here can close a
 * quote or a brace.
 */
public final class KeyNames {
    private KeyNames() {}

    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
