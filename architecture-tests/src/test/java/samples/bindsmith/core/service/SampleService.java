package samples.bindsmith.core.service;

/** A use case: allowed to use the JDK and core. */
public class SampleService {
    public String name() {
        return java.util.Objects.toString("service");
    }
}
