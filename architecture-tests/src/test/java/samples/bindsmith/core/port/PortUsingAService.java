package samples.bindsmith.core.port;

import samples.bindsmith.core.service.SampleService;

/** Violates "port does not depend on service". */
public interface PortUsingAService {
    SampleService service();
}
