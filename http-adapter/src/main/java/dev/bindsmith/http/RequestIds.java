package dev.bindsmith.http;

import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** The request id: the client's {@code X-Request-Id} when it is sane, otherwise 16 fresh hex digits. */
final class RequestIds {
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Supplier<? extends RandomGenerator> random;

    RequestIds(Supplier<? extends RandomGenerator> random) {
        this.random = random;
    }

    String of(Optional<String> offered) {
        return offered.filter(id -> SANE.matcher(id).matches()).orElseGet(this::fresh);
    }

    String fresh() {
        return HexFormat.of().toHexDigits(random.get().nextLong());
    }
}
