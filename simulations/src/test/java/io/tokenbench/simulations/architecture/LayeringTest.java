package io.tokenbench.simulations.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.tokenbench.simulations.config.LoadModel;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.keys.checks.Check;
import io.tokenbench.simulations.keys.checks.LiveTarget;
import io.tokenbench.simulations.keys.checks.MockTarget;
import io.tokenbench.simulations.keys.checks.RefundCheck;
import org.junit.jupiter.api.Test;

/**
 * The package structure of simulations/README.md ("Packages and layering"), checked on the main
 * classes: no package cycles (also among the keys subpackages), the layers only import downwards,
 * nothing imports a command line, and simulations never imports the benchmarks.
 */
class LayeringTest {
    private static final String ROOT = "io.tokenbench.simulations";

    private static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(ROOT);

    @Test
    void noPackageCycles() {
        // the rules below would pass on nothing: make sure the module's classes were imported
        assertThat(CLASSES.contain(RunParameters.class)).isTrue();
        assertThat(CLASSES.contain(LoadModel.class)).isTrue();
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noCyclesAmongTheKeysPackages() {
        slices().matching(ROOT + ".keys.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void nothingImportsACommandLine() {
        ArchRule rule =
                noClasses()
                        .that()
                        .resideOutsideOfPackage(ROOT + ".cli..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(ROOT + ".cli..")
                        .because("the command lines are the top of the module");
        rule.check(CLASSES);
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".keys.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".keys.cli..")
                .check(CLASSES);
    }

    @Test
    void keysChecksNeverAskWhichTargetTheyRunAgainst() {
        // The mock/live difference lives in the Target strategy: a check that named MockTarget or
        // LiveTarget (instanceof, a cast, a field) would be a ctx.mock() branch again.
        assertThat(CLASSES.contain(RefundCheck.class)).isTrue();
        noClasses()
                .that()
                .implement(Check.class)
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(MockTarget.class, LiveTarget.class)
                .check(CLASSES);
        // ...and only the targets and the command line that picks one may construct them
        noClasses()
                .that()
                .doNotBelongToAnyOf(MockTarget.class, LiveTarget.class)
                .and()
                .resideOutsideOfPackage(ROOT + ".keys.cli..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(MockTarget.class, LiveTarget.class)
                .check(CLASSES);
    }

    @Test
    void simulationsNeverImportsTheBenchmarks() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.tokenbench.benchmarks..")
                .check(CLASSES);
    }

    @Test
    void layersOnlyImportDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("cli")
                .definedBy(ROOT + ".cli..")
                .layer("scenarios")
                .definedBy(ROOT + ".scenarios..")
                .layer("chains")
                .definedBy(ROOT + ".chains..")
                .layer("media")
                .definedBy(ROOT + ".media..")
                .layer("feeders")
                .definedBy(ROOT + ".feeders..")
                .layer("engine")
                .definedBy(ROOT + ".load..", ROOT + ".record..", ROOT + ".stream..")
                .layer("config")
                .definedBy(ROOT + ".config..")
                .layer("keys")
                .definedBy(ROOT + ".keys..")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("scenarios")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("chains")
                .mayOnlyBeAccessedByLayers("scenarios")
                .whereLayer("media")
                .mayOnlyBeAccessedByLayers("scenarios", "chains")
                .whereLayer("feeders")
                .mayOnlyBeAccessedByLayers("cli", "scenarios", "chains", "media")
                .whereLayer("engine")
                .mayOnlyBeAccessedByLayers("cli", "scenarios", "chains")
                .whereLayer("config")
                .mayOnlyBeAccessedByLayers(
                        "cli", "scenarios", "chains", "media", "feeders", "engine")
                .whereLayer("keys")
                .mayNotBeAccessedByAnyLayer()
                .check(CLASSES);
    }
}
