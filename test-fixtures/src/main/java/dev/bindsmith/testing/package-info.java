/** In-memory port implementations, one abstract contract test per port, a launcher for a real named, and builders. Test scope only. */
package dev.bindsmith.testing;
