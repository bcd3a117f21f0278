package dev.bindsmith.architecture;

import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules of DESIGN.md's hexagon, written against a root package so that the same
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
        return classes().that().resideInAPackage(pkg("core"))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", pkg("core"))
                .as("core depends only on java.. (and itself)");
    }

    /** The port interfaces are what the use cases need; they know nothing of the use cases. */
    ArchRule portsDoNotDependOnServices() {
        return noClasses().that().resideInAPackage(pkg("core.port"))
                .should().dependOnClassesThat().resideInAPackage(pkg("core.service"))
                .as("core.port does not depend on core.service");
    }

    /** What both backends need from dnsjava and the file system: core and dnsjava, no adapter. */
    ArchRule dnsSharedDependsOnlyOnCoreAndDnsjava() {
        return classes().that().resideInAPackage(pkg("dns"))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", pkg("core"), pkg("dns"), "org.xbill.DNS..")
                .as("dns-shared depends only on java.., core and dnsjava (and itself)");
    }

    /** dns-shared is the driven adapters' toolbox; a driving adapter reaches a backend through the ports only. */
    ArchRule drivingAdaptersDoNotUseDnsShared() {
        return noClasses().that().resideInAnyPackage(pkg("http"), pkg("cli"))
                .should().dependOnClassesThat().resideInAPackage(pkg("dns"))
                .as("http-adapter and cli-adapter do not depend on dns-shared")
                .allowEmptyShould(true);
    }

    /** The two backends are alternatives: neither knows the other, nor a driving adapter. */
    ArchRule rndcAdapterIsIndependent() {
        return noClasses().that().resideInAPackage(pkg("rndc"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("embedded"), pkg("http"), pkg("cli"))
                .as("rndc-adapter does not depend on embedded-adapter, http-adapter or cli-adapter")
                .allowEmptyShould(true);
    }

    ArchRule embeddedAdapterIsIndependent() {
        return noClasses().that().resideInAPackage(pkg("embedded"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("rndc"), pkg("http"), pkg("cli"))
                .as("embedded-adapter does not depend on rndc-adapter, http-adapter or cli-adapter")
                .allowEmptyShould(true);
    }

    ArchRule httpAdapterDoesNotDependOnCli() {
        return noClasses().that().resideInAPackage(pkg("http"))
                .should().dependOnClassesThat().resideInAPackage(pkg("cli"))
                .as("http-adapter does not depend on cli-adapter")
                .allowEmptyShould(true);
    }

    /** The CLI's {@code serve} command starts the HTTP server; nothing else outside http may use it. */
    ArchRule onlyTheCliDependsOnHttp() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(pkg("http"), pkg("cli"))
                .should().dependOnClassesThat().resideInAPackage(pkg("http"))
                .as("only cli-adapter depends on http-adapter");
    }

    /** Test fixtures are a test library: no production class may need them at run time. */
    ArchRule productionDoesNotDependOnTestFixtures() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(pkg("testing"))
                .should().dependOnClassesThat().resideInAPackage(pkg("testing"))
                .as("no production class depends on test-fixtures (" + root + ".testing..)");
    }

    List<ArchRule> all() {
        return List.of(coreDependsOnlyOnTheJdk(), portsDoNotDependOnServices(), dnsSharedDependsOnlyOnCoreAndDnsjava(),
                drivingAdaptersDoNotUseDnsShared(), rndcAdapterIsIndependent(),
                embeddedAdapterIsIndependent(), httpAdapterDoesNotDependOnCli(), onlyTheCliDependsOnHttp(),
                productionDoesNotDependOnTestFixtures());
    }
}
