package dev.bindsmith.wiring;

import dev.bindsmith.testing.named.RunningNamed;
import java.util.Map;

/** The environment that points the BIND backend at a test named: its control channel, keys and zone directory. */
final class NamedBackends {
    private NamedBackends() {}

    static Map<String, String> variables(RunningNamed named) {
        return Map.of(
                BackendSettings.RNDC_SERVER,
                "127.0.0.1:" + named.controlPort(),
                BackendSettings.RNDC_ALGORITHM,
                named.rndcKey().algorithm(),
                BackendSettings.RNDC_SECRET,
                named.rndcKey().secret(),
                BackendSettings.RNDC_KEY_NAME,
                named.rndcKey().name(),
                BackendSettings.ZONE_DIR,
                named.zoneDirectory().toString(),
                "NSUPDATE_PORT",
                Integer.toString(named.dnsPort()),
                "NSUPDATE_KEY_NAME",
                named.updateKey().name(),
                "NSUPDATE_ALGORITHM",
                named.updateKey().algorithm(),
                "NSUPDATE_SECRET",
                named.updateKey().secret());
    }
}
