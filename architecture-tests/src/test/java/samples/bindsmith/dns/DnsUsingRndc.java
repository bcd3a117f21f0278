package samples.bindsmith.dns;

import samples.bindsmith.rndc.RndcUsingEmbedded;

/** Violates "dns-shared depends only on the JDK, core and dnsjava": it uses the BIND adapter. */
public class DnsUsingRndc {
    public RndcUsingEmbedded adapter() {
        return new RndcUsingEmbedded();
    }
}
