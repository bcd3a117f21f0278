package dev.bindsmith.core.service;

import dev.bindsmith.core.port.ZoneStatus;
import dev.bindsmith.core.zone.ZoneName;
import java.util.Optional;

/**
 * One zone as {@code GET /zones/{name}} shows it: the name server's status, and the master file path
 * when bindsmith manages the zone (a zone from named.conf has none).
 */
public record ZoneDetails(ZoneName zone, ZoneStatus status, Optional<String> filePath) {}
