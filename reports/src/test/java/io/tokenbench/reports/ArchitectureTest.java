package io.tokenbench.reports;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module's layering (README "Layering"): no package cycles; {@code reports} uses no other
 * tokenbench module but the option layer; the command line is on top, nothing depends on it.
 */
@AnalyzeClasses(
        packages = "io.tokenbench.reports",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("io.tokenbench.reports.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noOtherTokenbenchModuleButTheOptionLayer =
            noClasses()
                    .should()
                    .dependOnClassesThat(
                            resideInAPackage("io.tokenbench..")
                                    .and(
                                            not(
                                                    resideInAnyPackage(
                                                            "io.tokenbench.reports..",
                                                            "io.tokenbench.options.."))))
                    .because("reports is the library the simulations and benchmarks build on");

    @ArchTest
    static final ArchRule theCommandLineIsOnTop =
            noClasses()
                    .that()
                    .resideOutsideOfPackage("..cli..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("..cli..")
                    .because("the command line only parses, runs and maps exit codes");

    @ArchTest
    static final ArchRule onlyTheCommandLineUsesTheOptionLayer =
            noClasses()
                    .that()
                    .resideOutsideOfPackage("..cli..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("io.tokenbench.options..", "picocli..")
                    .because("the library is driven by records, not by command lines");
}
