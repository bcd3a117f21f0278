/**
 * Who may do what, without a transport and without Helidon: scoped tokens ({@link
 * dev.bindsmith.http.access.ScopedToken}, read from a {@link dev.bindsmith.http.access.TokensFile} and
 * kept current by a {@link dev.bindsmith.http.access.TokenStore}), what each API operation needs ({@link
 * dev.bindsmith.http.access.Operation}, {@link dev.bindsmith.http.access.Policy}), and {@link
 * dev.bindsmith.http.access.GuardedApi}, the API as both faces call it: every operation judged against
 * its caller's grant and every change written to the audit log before it is answered.
 */
package dev.bindsmith.http.access;
