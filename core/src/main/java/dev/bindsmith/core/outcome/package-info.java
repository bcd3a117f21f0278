/**
 * The status-outcome algebra: {@link dev.bindsmith.core.outcome.Outcome}, the sealed set of results
 * every use case and port returns, and {@link dev.bindsmith.core.outcome.ErrorCode}, the stable codes
 * clients branch on. Adapters map it exhaustively (HTTP status, CLI exit code).
 */
package dev.bindsmith.core.outcome;
