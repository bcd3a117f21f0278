package dev.bindsmith.core.validation;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The result of checking one value as a client typed it: the typed value, or a problem with its
 * kind (malformed → 400, semantic → 422) and a message a user can act on. The field path is added
 * by the caller, who knows where the value sat in the request ({@link #violation(String)}).
 *
 * @param <T> the typed value
 */
public sealed interface Parsed<T> {

    /** The value was acceptable. */
    record Value<T>(T value) implements Parsed<T> {
        public Value {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The value was not acceptable; {@code message} says why and what would be. */
    record Problem<T>(Violation.Kind kind, String message) implements Parsed<T> {
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }

        /** The same problem as a result of another type: a problem carries no value. */
        @SuppressWarnings("unchecked")
        public <U> Problem<U> as() {
            return (Problem<U>) this;
        }
    }

    static <T> Parsed<T> of(T value) {
        return new Value<>(value);
    }

    static <T> Parsed<T> malformed(String message) {
        return new Problem<>(Violation.Kind.MALFORMED, message);
    }

    static <T> Parsed<T> semantic(String message) {
        return new Problem<>(Violation.Kind.SEMANTIC, message);
    }

    default boolean isValue() {
        return this instanceof Value<T>;
    }

    /** The value, or empty when there was a problem. */
    default Optional<T> toOptional() {
        return switch (this) {
            case Value<T> v -> Optional.of(v.value());
            case Problem<T> p -> Optional.empty();
        };
    }

    /** The problem as a violation of {@code field}, or empty when there was none. */
    default Optional<Violation> violation(String field) {
        return switch (this) {
            case Value<T> v -> Optional.empty();
            case Problem<T> p -> Optional.of(new Violation(field, p.message(), p.kind()));
        };
    }

    default <U> Parsed<U> map(Function<? super T, ? extends U> f) {
        return switch (this) {
            case Value<T> v -> new Value<>(f.apply(v.value()));
            case Problem<T> p -> p.as();
        };
    }

    default <U> Parsed<U> flatMap(Function<? super T, Parsed<U>> f) {
        return switch (this) {
            case Value<T> v -> f.apply(v.value());
            case Problem<T> p -> p.as();
        };
    }
}
