package dev.bindsmith.core.port;

import dev.bindsmith.core.zone.AddressMatch;
import dev.bindsmith.core.zone.Endpoint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of zone options. An absent field is left as it is; a present empty list removes the
 * directive. {@code allowUpdate} replaces the address elements of {@code allow-update} and keeps its
 * key elements, so setting addresses never disables TSIG-signed updates.
 */
public record ZonePatch(
        Optional<List<Endpoint>> alsoNotify,
        Optional<List<AddressMatch>> allowTransfer,
        Optional<List<AddressMatch>> allowUpdate) {
    public ZonePatch {
        Objects.requireNonNull(alsoNotify, "alsoNotify");
        Objects.requireNonNull(allowTransfer, "allowTransfer");
        Objects.requireNonNull(allowUpdate, "allowUpdate");
        alsoNotify = alsoNotify.map(List::copyOf);
        allowTransfer = allowTransfer.map(List::copyOf);
        allowUpdate = allowUpdate.map(List::copyOf);
    }

    public boolean isEmpty() {
        return alsoNotify.isEmpty() && allowTransfer.isEmpty() && allowUpdate.isEmpty();
    }
}
