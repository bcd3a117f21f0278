package samples.bindsmith.http;

import samples.bindsmith.cli.SampleCli;

/** Violates "http-adapter does not depend on cli-adapter". */
public class HttpUsingCli {
    public SampleCli cli() {
        return new SampleCli();
    }
}
