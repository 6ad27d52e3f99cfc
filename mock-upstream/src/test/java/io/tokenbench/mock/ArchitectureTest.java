package io.tokenbench.mock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering of README.md ("Packages"), checked on the main classes: no package cycles,
 * dependencies only downwards (cli, server, features, routing, domain), and no dependency on the
 * harness modules that use the mock.
 */
class ArchitectureTest {

    private static final String MOCK = "io.tokenbench.mock.";

    /** Route groups, streams and the key platform's gate and admin API: what the server serves. */
    private static final String[] FEATURES = {
        "admin",
        "stats",
        "stream",
        "media",
        "endpoints",
        "audio",
        "embeddings",
        "images",
        "video",
        "enforcement",
        "platformadmin",
        "requestlog",
        "tls",
        "metrics",
    };

    /** Values, parsers and state that know neither Netty's pipeline nor routes. */
    private static final String[] DOMAIN = {
        "platform", "billing", "keys", "clock", "gate", "catalog", "openai", "behavior", "logging",
    };

    private static final JavaClasses MAIN =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.tokenbench.mock");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.tokenbench.mock.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void dependenciesPointDownTheLayers() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("cli")
                .definedBy(MOCK + "cli..")
                .layer("server")
                .definedBy(MOCK + "server..")
                .layer("features")
                .definedBy(packages(FEATURES))
                .layer("routing")
                .definedBy(MOCK + "routing..")
                .layer("domain")
                .definedBy(packages(DOMAIN))
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("server")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("features")
                .mayOnlyBeAccessedByLayers("cli", "server")
                .whereLayer("routing")
                .mayOnlyBeAccessedByLayers("cli", "server", "features")
                .whereLayer("domain")
                .mayOnlyBeAccessedByLayers("cli", "server", "features", "routing")
                .check(MAIN);
    }

    @Test
    void everyPackageHasItsPlaceInTheLayering() {
        String[] all =
                Stream.of(
                                Stream.of(MOCK + "cli..", MOCK + "server..", MOCK + "routing.."),
                                Arrays.stream(packages(FEATURES)),
                                Arrays.stream(packages(DOMAIN)))
                        .flatMap(s -> s)
                        .toArray(String[]::new);
        classes().should().resideInAnyPackage(all).check(MAIN);
    }

    @Test
    void theMockDependsOnNoModuleThatUsesIt() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.tokenbench.simulations..",
                        "io.tokenbench.reports..",
                        "io.tokenbench.benchmarks..")
                .check(MAIN);
    }

    private static String[] packages(String[] names) {
        return Arrays.stream(names).map(name -> MOCK + name + "..").toArray(String[]::new);
    }
}
