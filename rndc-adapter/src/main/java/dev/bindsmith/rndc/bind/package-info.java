/**
 * BIND 9 behind the ports: {@link dev.bindsmith.rndc.bind.RndcNameServerControl} (zone and server
 * commands over the rndc control channel, named's replies classified into outcomes) and
 * {@link dev.bindsmith.rndc.bind.FileZoneStore} (zone files written atomically inside one directory).
 * The zone statement grammar (rendering and reading named's {@code showzone}) and the status-text
 * parsers are package-private helpers.
 */
package dev.bindsmith.rndc.bind;
