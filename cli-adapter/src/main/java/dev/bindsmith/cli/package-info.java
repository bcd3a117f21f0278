/**
 * The {@code bindsmith} command line (picocli): {@link dev.bindsmith.cli.Main} and
 * {@link dev.bindsmith.cli.Cli}; the commands ({@code serve}, {@code zone …}, {@code record …},
 * {@code server …}, {@code completion}); the {@code Api} they call, over HTTP to a running server
 * ({@code RemoteApi}) or in this process through the same HTTP routes ({@code DirectApi}); human
 * and JSON output; and the exit codes derived from the outcome algebra ({@code ExitCodes}).
 */
package dev.bindsmith.cli;
