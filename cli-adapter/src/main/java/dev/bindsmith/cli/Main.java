package dev.bindsmith.cli;

/** The {@code bindsmith} command's entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("""
                Usage: bindsmith COMMAND
                Manage the zones and records of BIND 9 name servers.

                The commands (serve, zone, record, server) are being built; see README.md.""");
    }
}
