package dev.bindsmith.benchmarks;

import dev.bindsmith.rndc.client.RndcReply;
import dev.bindsmith.rndc.wire.HmacAlgorithm;
import dev.bindsmith.rndc.wire.RndcKey;
import dev.bindsmith.testing.named.NamedKey;
import dev.bindsmith.testing.named.RunningNamed;
import dev.bindsmith.wiring.BackendSettings;
import java.util.Arrays;
import java.util.Map;

/** What every benchmark's main needs: its {@code name=value} arguments, the named key, medians, failed setup. */
final class Runs {

    private Runs() {}

    /** The value of {@code name=…} among the arguments, or {@code fallback}. */
    static int arg(String[] args, String name, int fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1));
            }
        }
        return fallback;
    }

    static RndcKey rndcKey(NamedKey key) {
        return RndcKey.ofBase64(
                key.name(), HmacAlgorithm.fromName(key.algorithm()).orElseThrow(), key.secret());
    }

    /** The variables that point {@code bindsmith serve} at this named (its control channel, zone directory, update key). */
    static Map<String, String> bindVariables(RunningNamed named) {
        return Map.of(
                BackendSettings.RNDC_SERVER, named.address().getHostAddress() + ":" + named.controlPort(),
                BackendSettings.RNDC_ALGORITHM, named.rndcKey().algorithm(),
                BackendSettings.RNDC_SECRET, named.rndcKey().secret(),
                BackendSettings.RNDC_KEY_NAME, named.rndcKey().name(),
                BackendSettings.ZONE_DIR, named.zoneDirectory().toString(),
                BackendSettings.NSUPDATE_SERVER, named.address().getHostAddress(),
                BackendSettings.NSUPDATE_PORT, Integer.toString(named.dnsPort()),
                BackendSettings.NSUPDATE_KEY_NAME, named.updateKey().name(),
                BackendSettings.NSUPDATE_ALGORITHM, named.updateKey().algorithm(),
                BackendSettings.NSUPDATE_SECRET, named.updateKey().secret());
    }

    /** Setup steps must succeed: a benchmark over a half-configured named measures nothing. */
    static void expectOk(RndcReply reply) {
        if (!reply.ok()) {
            throw new IllegalStateException(
                    reply.command().split(" ")[0] + " failed: " + reply.err().orElse("") + " " + reply.text());
        }
    }

    /** The median of the passes: one pass disturbed by the machine does not move it. */
    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
