/**
 * named.conf syntax: {@link dev.bindsmith.dns.conf.ConfLexer} (tokens with offsets and line:column,
 * named's comment and escape rules; used by the rndc.conf parser and by the BIND adapter's reading of
 * {@code showzone}) and {@link dev.bindsmith.dns.conf.ZoneStatements} (a zone statement from a
 * {@code ZoneConfig}: what addzone and modzone send and what showzone shows, for every backend).
 */
package dev.bindsmith.dns.conf;
