package samples.bindsmith.http;

import samples.bindsmith.rndc.RndcUsingHttp;

/** Violates "http-adapter depends only on core and its libraries": it knows a backend. */
public class HttpUsingRndc {
    public RndcUsingHttp backend() {
        return new RndcUsingHttp();
    }
}
