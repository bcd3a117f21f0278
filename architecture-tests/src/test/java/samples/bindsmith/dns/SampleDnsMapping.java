package samples.bindsmith.dns;

import org.xbill.DNS.Name;
import samples.bindsmith.core.service.SampleService;

/** A shared DNS class: allowed to use the JDK, core and dnsjava. */
public class SampleDnsMapping {
    public Name root() {
        return Name.root;
    }

    public SampleService service() {
        return new SampleService();
    }
}
