package dev.bindsmith.core.service;

import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneType;

/** A zone was created: its name, type, master file path, and what the name server said ({@code ""} when nothing). */
public record ZoneCreated(ZoneName zone, ZoneType type, String filePath, String details) {}
