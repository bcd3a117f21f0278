package samples.bindsmith.cli;

import samples.bindsmith.http.SampleHttp;

/** The serve command: the one place allowed to depend on http-adapter. */
public class SampleCli {
    public SampleHttp serve() {
        return new SampleHttp();
    }
}
