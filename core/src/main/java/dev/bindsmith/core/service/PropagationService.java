package dev.bindsmith.core.service;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.SoaAnswer;
import dev.bindsmith.core.port.SoaProbe;
import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.validation.Violation;
import dev.bindsmith.core.zone.Endpoint;
import dev.bindsmith.core.zone.ZoneName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the secondaries serve what the primary has: the zone's SOA asked of every configured
 * secondary at once (each query bounded by the probe's timeout), compared with the primary's serial.
 * With a wait, it asks again — soon after a change, then less often — until every secondary matches
 * or the time is up. Time and pauses are injected, so tests run without sleeping.
 */
public final class PropagationService {
    /** The longest wait a client may ask for: an HTTP request should not hang for minutes. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(120);

    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);
    /** Queries in flight at once while surveying every zone. */
    static final int SURVEY_PARALLELISM = 64;

    private static final Pattern WAIT = Pattern.compile("(\\d{1,6})(ms|s|m)?");

    /** Waits between rounds; tests give one that only moves their clock. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final NameServerControl control;
    private final SoaProbe probe;
    private final List<Endpoint> secondaries;
    private final Clock clock;
    private final Pause pause;

    PropagationService(
            NameServerControl control, SoaProbe probe, List<Endpoint> secondaries, Clock clock, Pause pause) {
        this.control = Objects.requireNonNull(control, "control");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.secondaries = List.copyOf(secondaries);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /** The secondaries asked, in the configured order. */
    public List<Endpoint> secondaries() {
        return secondaries;
    }

    /** What every secondary serves of {@code zone} now, or once they all match (or the wait is over). */
    public Outcome<Propagation> check(String zone, PropagationQuery query) {
        Objects.requireNonNull(query, "query");
        List<Violation> violations = new ArrayList<>();
        ZoneName.problem(zone == null ? "" : zone).ifPresent(p -> violations.add(Violation.malformed("zone", p)));
        Duration wait = Duration.ZERO;
        if (query.waitFor().isPresent()) {
            OptionalLong millis = waitMillis(query.waitFor().get());
            if (millis.isEmpty()) {
                violations.add(Violation.malformed(
                        "wait",
                        "wait is a duration such as 10s, 500ms or 2m (seconds when no unit is given), at most "
                                + MAX_WAIT.toSeconds() + "s"));
            } else {
                wait = Duration.ofMillis(millis.getAsLong());
            }
        }
        if (!violations.isEmpty()) {
            return new Outcome.Invalid<>(
                    violations.getFirst().field().equals("zone")
                            ? ErrorCode.INVALID_ZONE_NAME
                            : ErrorCode.VALIDATION_FAILED,
                    violations.getFirst().field().equals("zone") ? "Invalid zone name" : "Validation error",
                    violations,
                    Map.of());
        }
        ZoneName name = ZoneName.of(zone);
        if (secondaries.isEmpty()) {
            return new Outcome.NotFound<>(
                    ErrorCode.SECONDARIES_NOT_CONFIGURED,
                    "No secondaries configured",
                    "This server knows no secondaries to ask: start it with BINDSMITH_SECONDARIES (--secondaries)"
                            + " listing them (ip[:port], comma-separated)",
                    Outcome.orderedPairs("zone", name.value()));
        }
        Instant start = clock.instant();
        Instant deadline = start.plus(wait);
        Duration nextPause = FIRST_PAUSE;
        try (ExecutorService queries = Executors.newVirtualThreadPerTaskExecutor()) {
            while (true) {
                Outcome<OptionalLong> primary = primarySerial(name);
                if (primary instanceof Outcome.Failure<OptionalLong> failure) {
                    return failure.as();
                }
                OptionalLong serial = ((Outcome.Ok<OptionalLong>) primary).value();
                List<Propagation.Secondary> states = new ArrayList<>();
                for (SoaAnswer answer : askAll(queries, name)) {
                    states.add(Propagation.Secondary.of(answer, serial));
                }
                boolean inSync = serial.isPresent() && states.stream().allMatch(Propagation.Secondary::matches);
                Instant now = clock.instant();
                if (inSync || !now.isBefore(deadline)) {
                    return new Outcome.Ok<>(
                            new Propagation(name, serial, states, inSync, Duration.between(start, now)));
                }
                Duration left = Duration.between(now, deadline);
                pause.pause(nextPause.compareTo(left) < 0 ? nextPause : left);
                nextPause = nextPause.multipliedBy(2).compareTo(LONGEST_PAUSE) < 0
                        ? nextPause.multipliedBy(2)
                        : LONGEST_PAUSE;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.unavailable("Interrupted while waiting for the secondaries");
        }
    }

    /**
     * For each secondary, how many of {@code zones} it does not serve at the primary's serial (behind,
     * not served, or no answer). A zone the primary has no serial for (not loaded) is left out.
     */
    public Map<Endpoint, Long> zonesBehind(List<ZoneName> zones) throws InterruptedException {
        Map<Endpoint, AtomicLong> behind = new LinkedHashMap<>();
        secondaries.forEach(s -> behind.put(s, new AtomicLong()));
        Semaphore inFlight = new Semaphore(SURVEY_PARALLELISM);
        try (ExecutorService work = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (ZoneName zone : zones) {
                inFlight.acquire();
                futures.add(work.submit(() -> {
                    try {
                        if (primarySerial(zone) instanceof Outcome.Ok<OptionalLong>(OptionalLong serial)
                                && serial.isPresent()) {
                            for (Endpoint s : secondaries) {
                                if (!Propagation.Secondary.of(probe.query(s, zone), serial)
                                        .matches()) {
                                    behind.get(s).incrementAndGet();
                                }
                            }
                        }
                    } finally {
                        inFlight.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a propagation survey task failed", e.getCause());
                }
            }
        }
        Map<Endpoint, Long> out = new LinkedHashMap<>();
        behind.forEach((s, n) -> out.put(s, n.get()));
        return out;
    }

    private List<SoaAnswer> askAll(ExecutorService queries, ZoneName zone) throws InterruptedException {
        List<Future<SoaAnswer>> asked = new ArrayList<>();
        for (Endpoint s : secondaries) {
            asked.add(queries.submit(() -> probe.query(s, zone)));
        }
        List<SoaAnswer> answers = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            try {
                answers.add(asked.get(i).get());
            } catch (ExecutionException e) {
                answers.add(new SoaAnswer.NoAnswer(secondaries.get(i), "the query failed: " + e.getCause()));
            }
        }
        return answers;
    }

    /** The serial the primary serves: {@code signed serial} of a signed zone, else {@code serial}. */
    private Outcome<OptionalLong> primarySerial(ZoneName zone) {
        return control.zoneStatus(zone).map(PropagationService::servedSerial);
    }

    static OptionalLong servedSerial(ZoneStatus status) {
        String signed = status.properties().get("signed serial");
        if (signed != null && signed.matches("\\d{1,10}")) {
            return OptionalLong.of(Long.parseLong(signed));
        }
        return status.serial();
    }

    /** {@code 10s}, {@code 500ms}, {@code 2m} or {@code 10} (seconds) as milliseconds, at most {@link #MAX_WAIT}. */
    static OptionalLong waitMillis(String raw) {
        Matcher m = WAIT.matcher(raw.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long millis = switch (unit) {
            case "ms" -> n;
            case "m" -> n * 60_000;
            default -> n * 1000;
        };
        return millis <= MAX_WAIT.toMillis() ? OptionalLong.of(millis) : OptionalLong.empty();
    }
}
