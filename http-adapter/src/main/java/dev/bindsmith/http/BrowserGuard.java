package dev.bindsmith.http;

import dev.bindsmith.core.outcome.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * With authentication off, the loopback address is the API's only guard, and a web page can reach
 * loopback: a form or a fetch from another site, or a page whose DNS name was rebound to 127.0.0.1
 * (it then sends its own name as {@code Host}). Such requests are refused:
 * <ul>
 * <li>{@code Host} must be an IP address, {@code localhost}, or one of the allowed names: a rebinding
 *     page always sends its own DNS name;</li>
 * <li>{@code Origin}, when sent, must be this server's own origin ({@code http://} + {@code Host}); a
 *     browser sends it with every cross-origin request and every POST, and {@code null} from sandboxes;</li>
 * <li>{@code Sec-Fetch-Site}, when sent, must be {@code same-origin} or {@code none}.</li>
 * </ul>
 * curl, the CLI and other programs send no {@code Origin} and their own {@code Host}, and pass. With
 * authentication on, none of this is needed: a page cannot attach the bearer token.
 */
final class BrowserGuard {
    private final Set<String> allowedHosts;

    BrowserGuard(List<String> allowedHosts) {
        this.allowedHosts = Set.copyOf(
                allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
    }

    Optional<Refusal.Forbidden> check(Optional<String> host, Optional<String> origin, Optional<String> fetchSite) {
        if (host.isPresent() && !hostAllowed(host.get())) {
            return Optional.of(new Refusal.Forbidden(
                    HttpErrorCode.HOST_NOT_ALLOWED,
                    "Host not allowed",
                    "With authentication off only an IP address, localhost or a name in BINDSMITH_ALLOWED_HOSTS"
                            + " may be used to reach the API (a page on another name may be a DNS rebinding attack)",
                    Outcome.orderedPairs("host", printable(host.get()))));
        }
        if (fetchSite.isPresent()) {
            String site = fetchSite.get().strip().toLowerCase(Locale.ROOT);
            if (!site.equals("same-origin") && !site.equals("none")) {
                return Optional.of(crossSite("Sec-Fetch-Site: " + printable(site)));
            }
        }
        if (origin.isPresent()) {
            String o = origin.get().strip();
            boolean same = host.isPresent()
                    && (o.equalsIgnoreCase("http://" + host.get().strip())
                            || o.equalsIgnoreCase("https://" + host.get().strip()));
            if (!same) {
                return Optional.of(crossSite("Origin: " + printable(o)));
            }
        }
        return Optional.empty();
    }

    private static Refusal.Forbidden crossSite(String said) {
        return new Refusal.Forbidden(
                HttpErrorCode.CROSS_SITE_REQUEST,
                "Cross-site request refused",
                "With authentication off a web page of another site may not use the API (the browser said " + said
                        + "); set BIND_API_TOKEN to serve browsers that send a token",
                java.util.Map.of());
    }

    private boolean hostAllowed(String hostHeader) {
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        String name;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close > 0
                    && ClientAddresses.literal(h.substring(0, close + 1)).isPresent();
        }
        int colon = h.lastIndexOf(':');
        name = colon < 0 ? h : h.substring(0, colon);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.equals("localhost")
                || allowedHosts.contains(name)
                || (ClientAddresses.literal(name).isPresent() && name.chars().anyMatch(c -> c == '.' || c == ':'));
    }

    /** At most 100 characters of a header value, without control characters: it goes into the answer. */
    private static String printable(String value) {
        String v = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return v.replaceAll("\\p{Cntrl}", "?");
    }
}
