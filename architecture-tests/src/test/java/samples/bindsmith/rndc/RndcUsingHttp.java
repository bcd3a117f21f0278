package samples.bindsmith.rndc;

import samples.bindsmith.http.SampleHttp;

/** Violates "rndc-adapter is independent" and "only the CLI depends on http". */
public class RndcUsingHttp {
    public SampleHttp http() {
        return new SampleHttp();
    }
}
