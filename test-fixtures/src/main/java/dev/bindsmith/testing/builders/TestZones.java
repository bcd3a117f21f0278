package dev.bindsmith.testing.builders;

import dev.bindsmith.core.service.RecordRequest;
import java.util.Optional;
import java.util.OptionalLong;

/** Entry point of the builders. Every builder starts from a valid, minimal primary zone. */
public final class TestZones {
    private TestZones() {}

    /** A create request for {@code zoneName} as a client would send it: a valid primary with one name server and glue. */
    public static ZoneRequestBuilder request(String zoneName) {
        return new ZoneRequestBuilder(zoneName);
    }

    /** A validated zone spec for {@code zoneName}: a primary, not dynamic, with one name server and glue. */
    public static ZoneSpecBuilder spec(String zoneName) {
        return new ZoneSpecBuilder(zoneName);
    }

    /** A modify request that names no field yet (which on its own is invalid). */
    public static ZonePatchRequestBuilder patch() {
        return new ZonePatchRequestBuilder();
    }

    /** A record as a client sends it, without TTL or priority. */
    public static RecordRequest record(String name, String type, String value) {
        return new RecordRequest(
                Optional.of(name), Optional.of(type), Optional.of(value), OptionalLong.empty(), OptionalLong.empty());
    }

    /** A record as a client sends it, with a TTL. */
    public static RecordRequest record(String name, String type, String value, long ttl) {
        return new RecordRequest(
                Optional.of(name), Optional.of(type), Optional.of(value), OptionalLong.of(ttl), OptionalLong.empty());
    }

    /** An MX or SRV record in the reference API's form: the first field of the data in {@code priority}. */
    public static RecordRequest record(String name, String type, String value, long ttl, long priority) {
        return new RecordRequest(
                Optional.of(name),
                Optional.of(type),
                Optional.of(value),
                OptionalLong.of(ttl),
                OptionalLong.of(priority));
    }
}
