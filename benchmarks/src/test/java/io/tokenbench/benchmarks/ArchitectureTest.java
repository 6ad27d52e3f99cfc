package io.tokenbench.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module's layering (README "Layering"): no package cycles; benchmarks build on reports, the
 * mock and the option layer, never on the simulations; the command line is on top, nothing depends
 * on it.
 */
@AnalyzeClasses(
        packages = "io.tokenbench.benchmarks",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("io.tokenbench.benchmarks.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule neverTheSimulations =
            noClasses()
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("io.tokenbench.simulations..")
                    .because("benchmarks measure clients and hot paths, not the load tests");

    @ArchTest
    static final ArchRule theCommandLineIsOnTop =
            noClasses()
                    .that()
                    .resideOutsideOfPackage("..cli..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("..cli..")
                    .because("the command line only parses, runs and maps exit codes");
}
