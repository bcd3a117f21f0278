/**
 * The isccc wire format that named's control channel speaks: length-prefixed frames, the three value
 * types (binary, ordered table, list), the HMAC {@code _auth} layouts ({@code hmd5}, {@code hsha}),
 * request encoding and reply verification. JDK only; no sockets here (see the {@code client}
 * package). Decoding never trusts the peer: every length is checked against what is left and against
 * the configured caps, and any malformed input ends in {@link dev.bindsmith.rndc.wire.WireFormatException}.
 */
package dev.bindsmith.rndc.wire;
