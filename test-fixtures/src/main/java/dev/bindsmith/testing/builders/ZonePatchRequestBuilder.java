package dev.bindsmith.testing.builders;

import dev.bindsmith.core.service.ZonePatchRequest;
import java.util.List;
import java.util.Optional;

/** Builds a {@link ZonePatchRequest}: each list absent until set; an empty list removes the directive. */
public final class ZonePatchRequestBuilder {
    private Optional<List<String>> alsoNotify = Optional.empty();
    private Optional<List<String>> allowTransfer = Optional.empty();
    private Optional<List<String>> allowUpdate = Optional.empty();

    ZonePatchRequestBuilder() {}

    public ZonePatchRequestBuilder alsoNotify(String... entries) {
        alsoNotify = Optional.of(List.of(entries));
        return this;
    }

    public ZonePatchRequestBuilder allowTransfer(String... entries) {
        allowTransfer = Optional.of(List.of(entries));
        return this;
    }

    public ZonePatchRequestBuilder allowUpdate(String... entries) {
        allowUpdate = Optional.of(List.of(entries));
        return this;
    }

    public ZonePatchRequest build() {
        return new ZonePatchRequest(alsoNotify, allowTransfer, allowUpdate);
    }
}
