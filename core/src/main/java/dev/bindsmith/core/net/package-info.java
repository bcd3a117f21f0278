/**
 * IP addresses and networks as BIND writes them: {@link dev.bindsmith.core.net.IpAddresses} parses
 * literals (never a host name, so nothing here asks a resolver) and writes them in canonical form,
 * {@link dev.bindsmith.core.net.IpNetwork} is a CIDR network that matches addresses. One parser for
 * every module: validation of client input, the BIND adapter reading named's {@code showzone}, the
 * embedded server's access lists and the HTTP adapter's trusted proxies.
 */
package dev.bindsmith.core.net;
