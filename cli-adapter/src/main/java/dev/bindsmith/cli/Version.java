package dev.bindsmith.cli;

import picocli.CommandLine;

/** {@code bindsmith --version}: the distribution's version (from the jar manifest) and the Java it runs on. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"bindsmith " + version(), "Java " + Runtime.version()};
    }

    static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
