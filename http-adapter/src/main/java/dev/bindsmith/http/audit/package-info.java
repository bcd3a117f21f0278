/**
 * The audit log, without a transport and without Helidon: one JSON line per change ({@link
 * dev.bindsmith.http.audit.AuditEntry}) appended to a file ({@link dev.bindsmith.http.audit.FileAuditLog}:
 * written before the change is answered, fsynced in groups, rotated by size) and read back by zone and
 * time ({@link dev.bindsmith.http.audit.AuditQuery}).
 */
package dev.bindsmith.http.audit;
