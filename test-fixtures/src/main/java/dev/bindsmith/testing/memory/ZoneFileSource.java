package dev.bindsmith.testing.memory;

import dev.bindsmith.core.zone.ZoneSpec;
import java.util.Optional;

/** Where the in-memory name server "reads" a master file from: the zone written at {@code file}, if any. */
@FunctionalInterface
public interface ZoneFileSource {

    /** The zone whose master file is at {@code file}; empty when there is no such file. */
    Optional<ZoneSpec> load(String file);

    /** A source without files: every primary added to a control over it fails with {@code file not found}. */
    static ZoneFileSource none() {
        return file -> Optional.empty();
    }
}
