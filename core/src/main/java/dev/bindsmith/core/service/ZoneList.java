package dev.bindsmith.core.service;

import dev.bindsmith.core.port.StoredZone;
import java.util.List;

/** Every zone bindsmith manages, primary and secondary, sorted by name. */
public record ZoneList(List<StoredZone> zones) {
    public ZoneList {
        zones = List.copyOf(zones);
    }

    public int count() {
        return zones.size();
    }
}
