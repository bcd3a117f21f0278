/**
 * The use cases: {@link dev.bindsmith.core.service.ZoneService} (and, with records,
 * {@code RecordService}), their inputs as clients send them ({@code *Request}) and their results.
 * Use cases validate fully before touching anything, serialise the operations on one zone, and
 * return {@link dev.bindsmith.core.outcome.Outcome}s.
 */
package dev.bindsmith.core.service;
