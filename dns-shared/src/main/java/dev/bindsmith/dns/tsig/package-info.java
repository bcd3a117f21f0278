/**
 * TSIG (RFC 8945) keys: {@link dev.bindsmith.dns.tsig.TsigKey} (name, HMAC algorithm, secret; dnsjava's
 * signer) and {@link dev.bindsmith.dns.tsig.TsigKeyFiles} (the {@code key} statements of a key file as
 * keys), shared by the BIND adapter's signed updates and the embedded server's verification.
 */
package dev.bindsmith.dns.tsig;
