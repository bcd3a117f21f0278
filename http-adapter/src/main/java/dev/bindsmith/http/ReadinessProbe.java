package dev.bindsmith.http;

import dev.bindsmith.core.port.NameServerControl;
import dev.bindsmith.core.port.ZoneStore;
import java.util.List;
import java.util.Objects;

/**
 * What {@code GET /api/v1/ready} asks: can zones be written, and does the name server answer? Each
 * check has a fixed name ({@code zone_directory}, {@code name_server}) and, when it fails, a fixed
 * reason: readiness is public, so it never shows a path or a backend's text.
 */
@FunctionalInterface
public interface ReadinessProbe {

    /** One check's result. */
    record Check(String name, boolean ok, String failure) {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(failure, "failure");
        }
    }

    List<Check> check();

    /** The store's {@link ZoneStore#check()} and the name server's {@link NameServerControl#serverStatus()}. */
    static ReadinessProbe of(ZoneStore store, NameServerControl control) {
        return () -> List.of(
                new Check("zone_directory", store.check().isSuccess(), "Zone directory not writable"),
                new Check("name_server", control.serverStatus().isSuccess(), "Name server not responding"));
    }
}
