package dev.bindsmith.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code bindsmith}: the top of the command tree ({@link CommandTree}) and the options every command shares. */
@Command(
        name = "bindsmith",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Manage the zones and records of a BIND 9 name server, or of bindsmith's embedded one.",
            "",
            "Talks to the name server directly (rndc and zone files, configured like the server: "
                    + "BIND when an rndc key is configured, else the embedded server), or to a running "
                    + "bindsmith server with --url."
        },
        footerHeading = "%n",
        footer = {
            "Examples:",
            "  bindsmith serve",
            "  bindsmith zone create example.com --ns ns1.example.com \\",
            "      --ns-ip ns1.example.com=192.0.2.53",
            "  bindsmith zone list",
            "  bindsmith record add example.com www A 192.0.2.80",
            "  export BINDSMITH_TOKEN=...    # the token 'bindsmith serve' printed",
            "  bindsmith --url http://127.0.0.1:8080 zone show example.com -o json",
            "  bindsmith token create --name ci --access write --zones '*.dev.example.com'",
            "  bindsmith audit --since 1h",
            "",
            ExitCodes.TABLE
        })
final class Root implements Runnable {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing command: serve, zone, record, catalog, server, key, token, audit or completion");
    }
}
