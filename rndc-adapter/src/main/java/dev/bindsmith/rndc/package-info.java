/** The BIND 9 adapter: rndc control channel, zone files, RFC 2136 updates. */
package dev.bindsmith.rndc;
