package dev.bindsmith.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The dependency rules of the hexagon (docs/architecture.md), written against a root package so that the same
 * rules run on the production classes ({@code dev.bindsmith}) and on deliberately wrong samples
 * ({@code samples.bindsmith}), which proves that each rule can fail.
 */
final class ArchitectureRules {
    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    private String pkg(String sub) {
        return root + "." + sub + "..";
    }

    /** core is the JDK plus itself: no library, no adapter. */
    ArchRule coreDependsOnlyOnTheJdk() {
        return classes()
                .that()
                .resideInAPackage(pkg("core"))
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", pkg("core"))
                .as("core depends only on java.. (and itself)");
    }

    /** The port interfaces are what the use cases need; they know nothing of the use cases. */
    ArchRule portsDoNotDependOnServices() {
        return noClasses()
                .that()
                .resideInAPackage(pkg("core.port"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(pkg("core.service"))
                .as("core.port does not depend on core.service");
    }

    /** What both backends need from dnsjava and the file system: core and dnsjava, no adapter. */
    ArchRule dnsSharedDependsOnlyOnCoreAndDnsjava() {
        return classes()
                .that()
                .resideInAPackage(pkg("dns"))
                .should()
                .onlyDependOnClassesThat()
                // javax.crypto: the JDK's HMAC keys, for TSIG
                .resideInAnyPackage("java..", "javax.crypto..", pkg("core"), pkg("dns"), "org.xbill.DNS..")
                .as("dns-shared depends only on java.., javax.crypto.., core and dnsjava (and itself)");
    }

    /** dns-shared is the driven adapters' toolbox; a driving adapter reaches a backend through the ports only. */
    ArchRule drivingAdaptersDoNotUseDnsShared() {
        return noClasses()
                .that()
                .resideInAnyPackage(pkg("http"), pkg("cli"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(pkg("dns"))
                .as("http-adapter and cli-adapter do not depend on dns-shared")
                .allowEmptyShould(true);
    }

    /** The two backends are alternatives: neither knows the other, nor a driving adapter. */
    ArchRule rndcAdapterIsIndependent() {
        return noClasses()
                .that()
                .resideInAPackage(pkg("rndc"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(pkg("embedded"), pkg("http"), pkg("cli"))
                .as("rndc-adapter does not depend on embedded-adapter, http-adapter or cli-adapter")
                .allowEmptyShould(true);
    }

    ArchRule embeddedAdapterIsIndependent() {
        return noClasses()
                .that()
                .resideInAPackage(pkg("embedded"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(pkg("rndc"), pkg("http"), pkg("cli"))
                .as("embedded-adapter does not depend on rndc-adapter, http-adapter or cli-adapter")
                .allowEmptyShould(true);
    }

    ArchRule httpAdapterDoesNotDependOnCli() {
        return noClasses()
                .that()
                .resideInAPackage(pkg("http"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(pkg("cli"))
                .as("http-adapter does not depend on cli-adapter")
                .allowEmptyShould(true);
    }

    /**
     * The HTTP adapter is a driving adapter over core: it knows no backend, no wiring, no CLI, only
     * core and the libraries it is built on.
     */
    ArchRule httpAdapterDependsOnlyOnCoreAndItsLibraries() {
        return classes()
                .that()
                .resideInAPackage(pkg("http"))
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "javax..",
                        pkg("core"),
                        pkg("http"),
                        "io.helidon..",
                        "com.fasterxml.jackson..",
                        "com.github.benmanes.caffeine..",
                        "org.slf4j..",
                        "io.prometheus.metrics..")
                .as("http-adapter depends only on core, Helidon, Jackson, Caffeine, SLF4J and the Prometheus client")
                .allowEmptyShould(true);
    }

    /**
     * The API's JSON mapping, its access rules and its audit log are shared with the CLI's direct mode:
     * they must work without a server.
     */
    ArchRule theJsonMappingKnowsNoServer() {
        return classes()
                .that()
                .resideInAnyPackage(pkg("http.json"), pkg("http.access"), pkg("http.audit"))
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        pkg("core"),
                        pkg("http.json"),
                        pkg("http.access"),
                        pkg("http.audit"),
                        "com.fasterxml.jackson..")
                .as("http.json, http.access and http.audit depend only on core and Jackson (no Helidon, no routes)")
                .allowEmptyShould(true);
    }

    /** The CLI reaches the backends only through the wiring, like serve does. */
    ArchRule theCliReachesBackendsOnlyThroughTheWiring() {
        return noClasses()
                .that()
                .resideInAPackage(pkg("cli"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(pkg("rndc"), pkg("embedded"))
                .as("cli-adapter does not depend on rndc-adapter or embedded-adapter (the wiring opens them)")
                .allowEmptyShould(true);
    }

    /** The wiring starts the HTTP server and the CLI calls the API's JSON; no other module may use http. */
    ArchRule onlyTheWiringAndTheCliDependOnHttp() {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackages(pkg("http"), pkg("wiring"), pkg("cli"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(pkg("http"))
                .as("only the wiring and cli-adapter depend on http-adapter");
    }

    /** The wiring knows every adapter, so only the entry points (the CLI, the benchmarks) may know it. */
    ArchRule onlyEntryPointsDependOnTheWiring() {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackages(pkg("wiring"), pkg("cli"), pkg("benchmarks"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(pkg("wiring"))
                .as("only cli-adapter and the benchmarks depend on the wiring");
    }

    /** Test fixtures are a test library: no production class may need them at run time. */
    ArchRule productionDoesNotDependOnTestFixtures() {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(pkg("testing"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(pkg("testing"))
                .as("no production class depends on test-fixtures (" + root + ".testing..)");
    }

    List<ArchRule> all() {
        return List.of(
                coreDependsOnlyOnTheJdk(),
                portsDoNotDependOnServices(),
                dnsSharedDependsOnlyOnCoreAndDnsjava(),
                drivingAdaptersDoNotUseDnsShared(),
                rndcAdapterIsIndependent(),
                embeddedAdapterIsIndependent(),
                httpAdapterDoesNotDependOnCli(),
                httpAdapterDependsOnlyOnCoreAndItsLibraries(),
                theJsonMappingKnowsNoServer(),
                theCliReachesBackendsOnlyThroughTheWiring(),
                onlyTheWiringAndTheCliDependOnHttp(),
                onlyEntryPointsDependOnTheWiring(),
                productionDoesNotDependOnTestFixtures());
    }
}
