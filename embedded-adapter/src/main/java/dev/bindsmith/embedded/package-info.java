/** The embedded authoritative name server on dnsjava: the default backend when no BIND is configured. */
package dev.bindsmith.embedded;
