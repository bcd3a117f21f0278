package samples.bindsmith.http;

/** An http-adapter class that breaks no rule. */
public class SampleHttp {}
