package dev.bindsmith.testing.named;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Several throwaway nameds that make a fleet: secondaries that consume a catalog zone (RFC 9432) with
 * {@code catalog-zones} and transfer its members from one primary, which is either a named started
 * here (with {@code also-notify} to every secondary) or a server the test runs itself (the embedded
 * one, as a hidden primary). Every process listens on 127.0.0.1, each on its own ports.
 *
 * <pre>{@code
 * try (NamedFleet fleet = NamedFleet.withPrimary("catalog.bindsmith.invalid", 2)) {
 *     fleet.primary(); fleet.secondaries(); …
 * }
 * }</pre>
 */
public final class NamedFleet implements AutoCloseable {
    /** How soon a secondary acts on a changed catalog; named's default is 5 s. */
    static final int MIN_UPDATE_INTERVAL = 1;

    private final String catalog;
    private final int primaryPort;
    private final Optional<RunningNamed> primary;
    private final List<RunningNamed> secondaries;

    private NamedFleet(
            String catalog, int primaryPort, Optional<RunningNamed> primary, List<RunningNamed> secondaries) {
        this.catalog = catalog;
        this.primaryPort = primaryPort;
        this.primary = primary;
        this.secondaries = List.copyOf(secondaries);
    }

    /**
     * A named primary (allow-new-zones, the launcher's keys) and {@code count} named secondaries of
     * {@code catalog}. The catalog zone itself is not created: the primary's owner (bindsmith) does.
     */
    public static NamedFleet withPrimary(String catalog, int count) {
        return withPrimary(catalog, count, "");
    }

    /**
     * As {@link #withPrimary(String, int)}, with {@code secondaryOptions} added to each secondary's
     * {@code options} (for example {@code "transfers-in 100; transfers-per-ns 50;"}).
     */
    public static NamedFleet withPrimary(String catalog, int count, String secondaryOptions) {
        return withPrimary(List.of(catalog), count, secondaryOptions);
    }

    /**
     * A named primary and {@code count} secondaries that consume every catalog of {@code catalogs} (the
     * first is {@link #catalog()}): for zones moving from one catalog to another (RFC 9432 {@code coo}).
     */
    public static NamedFleet withPrimary(List<String> catalogs, int count, String secondaryOptions) {
        NamedAvailability.assumeOrRequire();
        String catalog = catalogs.getFirst();
        PortReservation primaryPort;
        try {
            primaryPort = PortReservation.reserve(new SecureRandom());
        } catch (IOException e) {
            throw new NamedStartException("cannot reserve a loopback port: " + e.getMessage(), "");
        }
        List<RunningNamed> started = new ArrayList<>();
        try {
            started.addAll(startSecondaries(catalogs, primaryPort.port(), count, secondaryOptions));
            StringBuilder notify = new StringBuilder("also-notify {");
            started.forEach(
                    s -> notify.append(" 127.0.0.1 port ").append(s.dnsPort()).append(';'));
            notify.append(" };");
            RunningNamed primary = NamedLauncher.create()
                    .dnsPort(primaryPort)
                    .extraOptions(notify.toString())
                    .start();
            return new NamedFleet(catalog, primaryPort.port(), Optional.of(primary), started);
        } catch (RuntimeException e) {
            started.forEach(RunningNamed::close);
            primaryPort.close();
            throw e;
        }
    }

    /** {@code count} named secondaries of {@code catalog}, transferring from a primary on 127.0.0.1:{@code primaryPort}. */
    public static NamedFleet secondariesOf(String catalog, int primaryPort, int count) {
        NamedAvailability.assumeOrRequire();
        return new NamedFleet(
                catalog, primaryPort, Optional.empty(), startSecondaries(List.of(catalog), primaryPort, count, ""));
    }

    private static List<RunningNamed> startSecondaries(
            List<String> catalogs, int primaryPort, int count, String secondaryOptions) {
        List<RunningNamed> started = new ArrayList<>();
        StringBuilder statements = new StringBuilder();
        catalogs.forEach(
                c -> statements.append(catalogZoneStatement(c, primaryPort)).append('\n'));
        try {
            for (int i = 0; i < count; i++) {
                started.add(NamedLauncher.create()
                        .extraOptions(catalogZonesOption(catalogs, primaryPort)
                                + (secondaryOptions.isEmpty() ? "" : "\n\t" + secondaryOptions))
                        .extraConfig(statements.toString().strip())
                        .start());
            }
            return started;
        } catch (RuntimeException e) {
            started.forEach(RunningNamed::close);
            throw e;
        }
    }

    /** The {@code options} statement of a secondary that consumes {@code catalog} from the primary. */
    public static String catalogZonesOption(String catalog, int primaryPort) {
        return catalogZonesOption(List.of(catalog), primaryPort);
    }

    private static String catalogZonesOption(List<String> catalogs, int primaryPort) {
        StringBuilder out = new StringBuilder("catalog-zones {");
        for (String catalog : catalogs) {
            out.append(" zone \"")
                    .append(catalog)
                    .append("\" default-primaries { 127.0.0.1 port ")
                    .append(primaryPort)
                    .append("; } min-update-interval ")
                    .append(MIN_UPDATE_INTERVAL)
                    .append(';');
        }
        return out.append(" };").toString();
    }

    /** The secondary's own statement of the catalog zone: it transfers the catalog like any zone. */
    public static String catalogZoneStatement(String catalog, int primaryPort) {
        return "zone \"" + catalog + "\" { type secondary; primaries { 127.0.0.1 port " + primaryPort + "; }; file \""
                + catalog + ".db\"; };";
    }

    public String catalog() {
        return catalog;
    }

    /** Where the secondaries transfer from: the named primary's DNS port, or the port given. */
    public int primaryPort() {
        return primaryPort;
    }

    /** The named primary; absent when the fleet's primary is the test's own server. */
    public RunningNamed primary() {
        return primary.orElseThrow(() -> new IllegalStateException("this fleet's primary is not a named"));
    }

    public List<RunningNamed> secondaries() {
        return secondaries;
    }

    /** The secondaries' DNS addresses as {@code BINDSMITH_SECONDARIES} takes them: {@code 127.0.0.1:P,…}. */
    public String secondariesVariable() {
        List<String> out = new ArrayList<>();
        secondaries.forEach(s -> out.add("127.0.0.1:" + s.dnsPort()));
        return String.join(",", out);
    }

    /** Every named's log tail, for a failure message. */
    public String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        primary.ifPresent(
                p -> out.append("--- primary ---\n").append(p.logTail(lines)).append('\n'));
        for (int i = 0; i < secondaries.size(); i++) {
            out.append("--- secondary ")
                    .append(i + 1)
                    .append(" ---\n")
                    .append(secondaries.get(i).logTail(lines))
                    .append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() {
        secondaries.forEach(RunningNamed::close);
        primary.ifPresent(RunningNamed::close);
    }

    @Override
    public String toString() {
        return "NamedFleet[catalog=" + catalog + ", primary="
                + primary.map(Objects::toString).orElse("127.0.0.1#" + primaryPort) + ", secondaries=" + secondaries
                + "]";
    }
}
