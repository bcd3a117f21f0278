/**
 * Files written so that no reader, and no crash, ever meets half of one:
 * {@link dev.bindsmith.dns.file.AtomicFiles}. Used for the BIND adapter's zone files and sidecars and
 * the embedded server's master files and zone statements.
 */
package dev.bindsmith.dns.file;
