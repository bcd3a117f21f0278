package samples.bindsmith.embedded;

import samples.bindsmith.cli.SampleCli;

/** Violates "embedded-adapter is independent": it uses the CLI. */
public class EmbeddedUsingCli {
    public SampleCli cli() {
        return new SampleCli();
    }
}
