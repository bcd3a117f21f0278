package dev.bindsmith.rndc.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;

/** A value of the isccc tree: binary data (also used for every string and number), a table or a list. */
public sealed interface CcValue permits CcValue.Binary, CcValue.Table, CcValue.ListOf {

    /** Type {@code 0x01}: raw bytes. Strings are UTF-8 (in practice ASCII) without a terminator. */
    record Binary(byte[] bytes) implements CcValue {
        public Binary {
            bytes = bytes.clone();
        }

        public static Binary of(String text) {
            return new Binary(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        public String asString() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Binary[" + bytes.length + " bytes]";
        }
    }

    /** Type {@code 0x02}: string keys in wire order. A repeated key keeps the later value, as named does. */
    record Table(SequencedMap<String, CcValue> entries) implements CcValue {
        public Table {
            Objects.requireNonNull(entries, "entries");
            entries = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(entries));
        }

        public Optional<CcValue> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        public Optional<Table> table(String key) {
            return get(key).filter(Table.class::isInstance).map(Table.class::cast);
        }

        /** The value of a binary leaf as text; empty when absent or not binary. */
        public Optional<String> string(String key) {
            return get(key).filter(Binary.class::isInstance).map(v -> ((Binary) v).asString());
        }
    }

    /** Type {@code 0x03}: a run of values. named accepts and ignores lists in requests. */
    record ListOf(List<CcValue> items) implements CcValue {
        public ListOf {
            items = List.copyOf(items);
        }
    }
}
