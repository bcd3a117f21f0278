/**
 * BIND 9 behind the ports: {@link dev.bindsmith.rndc.bind.RndcNameServerControl} (zone and server
 * commands over the rndc control channel, named's replies classified into outcomes) and
 * {@link dev.bindsmith.rndc.bind.FileZoneStore} (zone files written atomically inside one directory).
 * Reading named's {@code showzone} text and patching it for modzone ({@code ZoneStatement}) and the
 * status-text parsers are package-private helpers; the zone-statement rendering, the named.conf
 * lexer and the atomic writes come from {@code dev.bindsmith.dns}.
 */
package dev.bindsmith.rndc.bind;
