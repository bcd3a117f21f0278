package dev.bindsmith.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions the build stamped into {@code version.properties}. */
final class Versions {
    static final String BINDSMITH;
    static final String DNSJAVA;

    static {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // The versions are informative only; "unknown" is an honest answer.
        }
        BINDSMITH = p.getProperty("bindsmith", "unknown");
        DNSJAVA = p.getProperty("dnsjava", "unknown");
    }

    private Versions() {}
}
