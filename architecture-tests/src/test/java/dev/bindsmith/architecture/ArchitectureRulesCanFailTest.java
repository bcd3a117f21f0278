package dev.bindsmith.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import samples.bindsmith.cli.CliUsingEmbedded;
import samples.bindsmith.cli.SampleCli;
import samples.bindsmith.core.CoreUsingALibrary;
import samples.bindsmith.core.port.PortUsingAService;
import samples.bindsmith.core.service.SampleService;
import samples.bindsmith.dns.DnsUsingRndc;
import samples.bindsmith.dns.SampleDnsMapping;
import samples.bindsmith.embedded.EmbeddedUsingCli;
import samples.bindsmith.embedded.EmbeddedUsingWiring;
import samples.bindsmith.embedded.SampleServer;
import samples.bindsmith.http.HttpUsingCli;
import samples.bindsmith.http.HttpUsingDns;
import samples.bindsmith.http.HttpUsingRndc;
import samples.bindsmith.http.SampleHttp;
import samples.bindsmith.http.audit.AuditUsingRoutes;
import samples.bindsmith.http.json.JsonUsingHelidon;
import samples.bindsmith.http.json.SampleJson;
import samples.bindsmith.rndc.RndcUsingEmbedded;
import samples.bindsmith.rndc.RndcUsingHttp;
import samples.bindsmith.rndc.RndcUsingTestFixtures;
import samples.bindsmith.testing.SampleFixture;
import samples.bindsmith.wiring.SampleWiring;

/**
 * Each architecture rule, run on samples that break it, reports exactly the breaking classes, and
 * not the samples that keep to it: a rule that cannot fail would prove nothing.
 */
class ArchitectureRulesCanFailTest {

    private static final ArchitectureRules RULES = new ArchitectureRules("samples.bindsmith");
    private static JavaClasses samples;

    @BeforeAll
    static void importSamples() {
        samples = new ClassFileImporter().importPackages("samples.bindsmith");
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(samples);
        assertThat(result.hasViolation())
                .as(rule.getDescription() + " reports a violation")
                .isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void coreUsingALibraryIsReported() {
        String report = violations(RULES.coreDependsOnlyOnTheJdk());

        assertThat(report).contains(CoreUsingALibrary.class.getName(), "org.assertj");
        assertThat(report).doesNotContain(SampleService.class.getName() + ".name()");
    }

    @Test
    void aPortUsingAServiceIsReported() {
        String report = violations(RULES.portsDoNotDependOnServices());

        assertThat(report).contains(PortUsingAService.class.getName());
    }

    @Test
    void dnsSharedUsingAnAdapterIsReportedAndItsUseOfCoreAndDnsjavaIsNot() {
        String report = violations(RULES.dnsSharedDependsOnlyOnCoreAndDnsjava());

        assertThat(report).contains(DnsUsingRndc.class.getName());
        assertThat(report).doesNotContain(SampleDnsMapping.class.getName());
    }

    @Test
    void aDrivingAdapterUsingDnsSharedIsReported() {
        String report = violations(RULES.drivingAdaptersDoNotUseDnsShared());

        assertThat(report).contains(HttpUsingDns.class.getName());
        assertThat(report).doesNotContain(HttpUsingCli.class.getName());
    }

    @Test
    void rndcUsingAnotherAdapterIsReported() {
        String report = violations(RULES.rndcAdapterIsIndependent());

        assertThat(report).contains(RndcUsingEmbedded.class.getName(), RndcUsingHttp.class.getName());
        assertThat(report).doesNotContain(RndcUsingTestFixtures.class.getName());
    }

    @Test
    void embeddedUsingAnotherAdapterIsReported() {
        String report = violations(RULES.embeddedAdapterIsIndependent());

        assertThat(report).contains(EmbeddedUsingCli.class.getName());
        assertThat(report).doesNotContain(SampleServer.class.getName() + " ");
    }

    @Test
    void httpUsingTheCliIsReported() {
        String report = violations(RULES.httpAdapterDoesNotDependOnCli());

        assertThat(report).contains(HttpUsingCli.class.getName());
        assertThat(report).doesNotContain("<" + SampleHttp.class.getName() + ">");
    }

    @Test
    void httpUsedOutsideTheWiringAndTheCliIsReportedAndBothAreAllowed() {
        String report = violations(RULES.onlyTheWiringAndTheCliDependOnHttp());

        assertThat(report).contains(RndcUsingHttp.class.getName());
        assertThat(report).doesNotContain(SampleCli.class.getName(), SampleWiring.class.getName());
    }

    @Test
    void httpUsingABackendIsReported() {
        String report = violations(RULES.httpAdapterDependsOnlyOnCoreAndItsLibraries());

        assertThat(report).contains(HttpUsingRndc.class.getName(), HttpUsingCli.class.getName());
        assertThat(report).doesNotContain(SampleJson.class.getName(), JsonUsingHelidon.class.getName());
    }

    @Test
    void theJsonMappingUsingHelidonIsReported() {
        String report = violations(RULES.theJsonMappingKnowsNoServer());

        assertThat(report).contains(JsonUsingHelidon.class.getName(), "io.helidon");
        assertThat(report).doesNotContain(SampleJson.class.getName());
    }

    @Test
    void theAuditLogUsingTheServerIsReported() {
        String report = violations(RULES.theJsonMappingKnowsNoServer());

        assertThat(report).contains(AuditUsingRoutes.class.getName(), SampleHttp.class.getName());
    }

    @Test
    void theCliUsingABackendDirectlyIsReportedButNotItsUseOfTheWiring() {
        String report = violations(RULES.theCliReachesBackendsOnlyThroughTheWiring());

        assertThat(report).contains(CliUsingEmbedded.class.getName() + ".backend()");
        assertThat(report).doesNotContain(CliUsingEmbedded.class.getName() + ".wiring()", SampleCli.class.getName());
    }

    @Test
    void anAdapterUsingTheWiringIsReported() {
        String report = violations(RULES.onlyEntryPointsDependOnTheWiring());

        assertThat(report).contains(EmbeddedUsingWiring.class.getName());
        assertThat(report).doesNotContain(CliUsingEmbedded.class.getName());
    }

    @Test
    void productionUsingTestFixturesIsReportedAndFixturesMayUseCore() {
        String report = violations(RULES.productionDoesNotDependOnTestFixtures());

        assertThat(report).contains(RndcUsingTestFixtures.class.getName());
        assertThat(report).doesNotContain(SampleFixture.class.getName() + ".service()");
    }

    @Test
    void aPackageWithoutPackageInfoIsReported(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("module/src/main/java");
        Files.createDirectories(src.resolve("a/documented"));
        Files.createDirectories(src.resolve("a/undocumented"));
        Files.createDirectories(src.resolve("a/wrong"));
        Files.writeString(src.resolve("a/documented/X.java"), "package a.documented; class X {}");
        Files.writeString(src.resolve("a/documented/package-info.java"), "/** Docs. */\npackage a.documented;\n");
        Files.writeString(src.resolve("a/undocumented/Y.java"), "package a.undocumented; class Y {}");
        Files.writeString(src.resolve("a/wrong/Z.java"), "package a.wrong; class Z {}");
        Files.writeString(src.resolve("a/wrong/package-info.java"), "/** Copied. */\npackage a.documented;\n");

        assertThat(PackageInfoCheck.sourceRoots(dir)).containsExactly(src);
        assertThat(PackageInfoCheck.packagesWithoutPackageInfo(src)).containsExactly("a.undocumented", "a.wrong");
    }
}
