package samples.bindsmith.http;

import samples.bindsmith.dns.SampleDnsMapping;

/** Violates "driving adapters do not use dns-shared": it uses the backends' shared DNS module. */
public class HttpUsingDns {
    public SampleDnsMapping mapping() {
        return new SampleDnsMapping();
    }
}
