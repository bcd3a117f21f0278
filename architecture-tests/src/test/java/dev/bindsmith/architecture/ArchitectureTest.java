package dev.bindsmith.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The module rules of docs/architecture.md, checked on every production class of every module. */
class ArchitectureTest {

    private static JavaClasses production;
    private static final ArchitectureRules RULES = new ArchitectureRules("dev.bindsmith");

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.bindsmith");
    }

    @Test
    void theImportSeesTheModulesClasses() {
        // a rule over an empty or partial import passes vacuously; make sure the classpath is complete
        assertThat(production.containPackage("dev.bindsmith.core.service")).isTrue();
        assertThat(production.containPackage("dev.bindsmith.core.port")).isTrue();
        assertThat(production.containPackage("dev.bindsmith.testing")).isTrue();
        assertThat(production.containPackage("dev.bindsmith.dns.record")).isTrue();
        assertThat(production.containPackage("dev.bindsmith.cli")).isTrue();
        assertThat(production.containPackage("dev.bindsmith.wiring")).isTrue();
        assertThat(production.containPackage("dev.bindsmith.http.json")).isTrue();
        assertThat(production).noneMatch(c -> c.getName().startsWith("dev.bindsmith.architecture"));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHoldsForTheProductionClasses() {
        return RULES.all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(production)));
    }

    @TestFactory
    Stream<DynamicTest> everyProductionPackageHasAPackageInfo() {
        Path root = repositoryRoot();
        List<Path> sourceRoots = PackageInfoCheck.sourceRoots(root);
        assertThat(sourceRoots)
                .extracting(p -> root.relativize(p).getName(0).toString())
                .contains(
                        "core", "test-fixtures", "dns-shared", "rndc-adapter", "http-adapter", "wiring", "cli-adapter");
        return sourceRoots.stream()
                .map(src -> DynamicTest.dynamicTest(
                        root.relativize(src).toString(),
                        () -> assertThat(PackageInfoCheck.packagesWithoutPackageInfo(src))
                                .as("packages without a package-info.java in " + root.relativize(src))
                                .isEmpty()));
    }

    /** The reactor root: the parent of this module's directory (surefire sets {@code basedir}). */
    static Path repositoryRoot() {
        Path module =
                Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path root = module.getParent();
        assertThat(root).as("the reactor root above " + module).isNotNull();
        assertThat(Files.isRegularFile(root.resolve("core/pom.xml")))
                .as("core/pom.xml under " + root)
                .isTrue();
        return root;
    }
}
