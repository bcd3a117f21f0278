/**
 * The rndc client: {@link dev.bindsmith.rndc.client.ControlChannel} (sessions, nonces, serials,
 * connection reuse, timeouts), {@link dev.bindsmith.rndc.client.RndcReply} and the ways a call can
 * fail without a reply ({@link dev.bindsmith.rndc.client.RndcException}).
 */
package dev.bindsmith.rndc.client;
