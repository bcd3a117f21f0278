package dev.bindsmith.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;

/** Assertions on {@link Outcome}s whose failure messages show the whole outcome. */
public final class Outcomes {
    private Outcomes() {}

    /** The value of an {@link Outcome.Ok}; fails the test with the outcome otherwise. */
    public static <T> T ok(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Ok<T> ok) {
            return ok.value();
        }
        return fail("expected Ok but was " + outcome);
    }

    /** The value of an {@link Outcome.Created}; fails the test with the outcome otherwise. */
    public static <T> Outcome.Created<T> created(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Created<T> created) {
            return created;
        }
        return fail("expected Created but was " + outcome);
    }

    /** Asserts that {@code outcome} is a failure of case {@code kind} with {@code code}, and returns it. */
    public static <T, F extends Outcome.Failure<?>> F failure(Outcome<T> outcome, Class<F> kind, ErrorCode code) {
        assertThat(outcome).as("outcome").isInstanceOf(kind);
        F failure = kind.cast(outcome);
        assertThat(failure.code()).as("code of " + outcome).isEqualTo(code);
        return failure;
    }
}
