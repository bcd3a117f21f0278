package dev.bindsmith.cli;

import dev.bindsmith.wiring.TsigKeyFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bindsmith key …}: TSIG keys for signed dynamic updates and zone transfers. */
@Command(
        name = "key",
        description = "TSIG keys, for the embedded server's signed updates and transfers (BINDSMITH_TSIG_KEYS).")
final class KeyCommands implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing key command: create");
    }

    @Command(
            name = "create",
            description = {
                "Make a TSIG key, as tsig-keygen does: a random secret as long as the algorithm's digest.",
                "With --file it is added to that key file (created with mode 0600; a name it holds is refused) and"
                        + " only the key's name is printed; without, the key statement is printed on standard output."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  bindsmith key create external-dns --file /etc/bindsmith/keys.conf",
                "  bindsmith key create cert-manager --algorithm hmac-sha512 --file keys.conf",
                "  bindsmith key create ddns-key > ddns-key.conf"
            })
    static final class Create implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", paramLabel = "NAME", description = "The key's name (letters, digits, . - _).")
        String name;

        @Option(
                names = {"-a", "--algorithm"},
                paramLabel = "ALGORITHM",
                defaultValue = "hmac-sha256",
                description = "hmac-sha256 (default), hmac-sha384, hmac-sha512, hmac-sha224; hmac-sha1 and hmac-md5"
                        + " only with --allow-weak.")
        String algorithm;

        @Option(
                names = {"-f", "--file"},
                paramLabel = "FILE",
                description = "Add the key to this key file (mode 0600) instead of printing it.")
        Path file;

        @Option(names = "--allow-weak", description = "Allow hmac-md5 and hmac-sha1 (RFC 8945 §6 calls them weak).")
        boolean allowWeak;

        Create(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            TsigKeyFile.NewKey key;
            try {
                key = TsigKeyFile.generate(name, algorithm, allowWeak, cli.random());
            } catch (IllegalArgumentException e) {
                cli.err().println("bindsmith: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            if (file == null) {
                // standard output, as tsig-keygen prints it: the user redirects it to a private file
                cli.out().print(key.statement());
                return ExitCodes.SUCCESS;
            }
            try {
                TsigKeyFile.Added added = TsigKeyFile.add(file, key);
                cli.out()
                        .println("Key '" + added.name() + "' (" + added.algorithm() + ") "
                                + (added.created() ? "written to new key file " : "added to ") + added.file()
                                + " (mode 0600).");
                return ExitCodes.SUCCESS;
            } catch (IllegalArgumentException e) {
                cli.err().println("bindsmith: " + e.getMessage());
                return ExitCodes.ERROR;
            } catch (IOException e) {
                cli.err()
                        .println("bindsmith: cannot write " + file + " ("
                                + e.getClass().getSimpleName() + ")");
                return ExitCodes.ERROR;
            }
        }
    }
}
