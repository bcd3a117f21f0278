/**
 * The validation rules: each checks one value as a client typed it (a zone name, an address, a TTL,
 * record data of a given type) and returns {@link dev.bindsmith.core.validation.Violation}s with the
 * field path, a message a user can act on, and whether the input was malformed (400) or semantically
 * wrong (422).
 */
package dev.bindsmith.core.validation;
