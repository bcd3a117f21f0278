package dev.bindsmith.rndc.conf;

import dev.bindsmith.rndc.client.RndcClient;
import dev.bindsmith.rndc.wire.RndcKey;
import java.util.Objects;

/**
 * Where named's control channel is and which key signs for it, with a note of where each part came
 * from ({@code origin}, e.g. "server 127.0.0.1#953 (default), key rndc-key hmac-sha256 (RNDC_SECRET)").
 * Neither {@code toString()} nor {@code origin} shows the secret.
 */
public record RndcSettings(String host, int port, RndcKey key, String origin) {

    public RndcSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(origin, "origin");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** A client builder preset with this server and key. */
    public RndcClient.Builder clientBuilder() {
        return RndcClient.builder(key).server(host, port);
    }
}
