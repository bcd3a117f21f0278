/**
 * The validation rules: each checks one value as a client typed it (a zone or owner name, an address,
 * a TTL, record data of a given type) and answers a {@link dev.bindsmith.core.validation.Parsed}: the
 * typed value, or a problem that is malformed (400) or semantically wrong (422), with a message a user
 * can act on. Callers add the field path and collect {@link dev.bindsmith.core.validation.Violation}s,
 * so that a request gets all its violations at once; {@code service.ZoneRequests} does so for whole
 * requests. Nothing here resolves names or touches the network.
 */
package dev.bindsmith.core.validation;
