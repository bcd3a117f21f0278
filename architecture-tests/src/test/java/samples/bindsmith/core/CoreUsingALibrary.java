package samples.bindsmith.core;

/** Violates "core depends only on the JDK": it uses AssertJ. */
public class CoreUsingALibrary {
    public Object use() {
        return org.assertj.core.api.Assertions.assertThat(1);
    }
}
