package dev.bindsmith.core.zone;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of a zone statement that bindsmith manages: where a secondary transfers from, whom to
 * notify, who may transfer and update, and DNSSEC. Empty lists mean "not set" (BIND's default applies).
 */
public record ZoneOptions(
        List<Endpoint> primaries,
        List<Endpoint> alsoNotify,
        List<AddressMatch> allowTransfer,
        List<AddressMatch> allowUpdate,
        Optional<String> dnssecPolicy,
        Optional<Boolean> inlineSigning) {

    public static final ZoneOptions NONE =
            new ZoneOptions(List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());

    public ZoneOptions {
        primaries = List.copyOf(primaries);
        alsoNotify = List.copyOf(alsoNotify);
        allowTransfer = List.copyOf(allowTransfer);
        allowUpdate = List.copyOf(allowUpdate);
        Objects.requireNonNull(dnssecPolicy, "dnssecPolicy");
        Objects.requireNonNull(inlineSigning, "inlineSigning");
        dnssecPolicy.ifPresent(p -> {
            if (!KeyNames.isValid(p)) {
                throw new IllegalArgumentException("invalid DNSSEC policy name");
            }
        });
    }

    /** True when some client may send dynamic updates (an {@code allow-update} other than {@code none}). */
    public boolean dynamic() {
        return allowUpdate.stream()
                .anyMatch(m -> !(m instanceof AddressMatch.BuiltIn b && b.name().equals("none")));
    }
}
