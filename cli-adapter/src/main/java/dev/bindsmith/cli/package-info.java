/** The {@code bindsmith} command line: picocli commands, human and JSON output, exit codes. */
package dev.bindsmith.cli;
