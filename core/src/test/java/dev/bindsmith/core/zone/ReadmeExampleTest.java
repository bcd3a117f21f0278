package dev.bindsmith.core.zone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.service.RecordRequest;
import dev.bindsmith.core.service.SoaRequest;
import dev.bindsmith.core.service.ZoneConfigRequest;
import dev.bindsmith.core.service.ZoneRequest;
import dev.bindsmith.core.service.ZoneRequests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The example of core/README.md does what the README says it prints. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRendersTheFileTheReadmeShows() throws IOException {
        var request = new ZoneRequest(
                Optional.of("example.com"),
                Optional.of("primary"),
                Optional.of(new ZoneConfigRequest(
                        OptionalLong.of(3600),
                        Optional.of(new SoaRequest(
                                Optional.of("ns1.example.com."),
                                Optional.of("hostmaster@example.com"),
                                OptionalLong.empty(),
                                OptionalLong.empty(),
                                OptionalLong.empty(),
                                OptionalLong.empty(),
                                OptionalLong.empty())),
                        List.of("ns1.example.com.", "ns2"),
                        Map.of("ns1.example.com.", "192.0.2.10", "ns2", "2001:db8::11"),
                        List.of(new RecordRequest(
                                Optional.of("www"),
                                Optional.of("TXT"),
                                Optional.of("v=spf1 mx -all"),
                                OptionalLong.of(300),
                                OptionalLong.empty())),
                        List.of(),
                        List.of("10.0.0.5:5353"),
                        List.of("10.0.0.0/8", "key xfer"),
                        Optional.empty(),
                        Optional.empty())),
                Optional.of("bindy-operator"));

        Outcome<ZoneSpec> outcome = ZoneRequests.validate(request, GoldenZones.CLOCK);

        assertThat(outcome).isInstanceOf(Outcome.Ok.class);
        String rendered = ZoneFileWriter.render(((Outcome.Ok<ZoneSpec>) outcome).value());
        String readme = Files.readString(Path.of("README.md"));
        String shown = readme.substring(readme.indexOf("prints\n\n```\n") + "prints\n\n```\n".length());
        shown = shown.substring(0, shown.indexOf("```"));
        assertThat(rendered).isEqualTo(shown);
    }
}
