package samples.bindsmith.embedded;

/** An embedded-adapter class that breaks no rule. */
public class SampleServer {}
