package io.perftest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.Test;

import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Pins the shape of the core: no Jenkins class anywhere, and the package graph of DESIGN.md,
 * {@code model} at the bottom. A package not written yet (e.g. {@code report}) passes its rule
 * until it exists, and is then held to it.
 */
public class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.perftest");

    /** Classes of {@code io.perftest.<pkg>} use no perftest package but their own and {@code allowed}. */
    private static ArchRule dependsOnlyOn(String pkg, String... allowed) {
        String[] packages = Stream.concat(Stream.of(pkg), Stream.of(allowed)).map(p -> "io.perftest." + p + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage("io.perftest." + pkg + "..")
                .should().dependOnClassesThat(resideInAPackage("io.perftest..").and(not(resideInAnyPackage(packages))))
                .as("io.perftest." + pkg + " depends on no perftest package but " + (allowed.length == 0 ? "itself"
                        : String.join(", ", allowed)))
                .allowEmptyShould(true);
    }

    @Test
    public void shouldUseNoJenkinsClassInTheCore() {
        noClasses().that().resideInAPackage("io.perftest..")
                .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..", "io.jenkins..")
                .because("the core builds and tests with Maven Central alone; Jenkins glue lives in perftest-plugin")
                .check(CORE);
    }

    @Test
    public void shouldNotDependOnTheCommandLine() {
        noClasses().that().resideInAPackage("io.perftest..")
                .should().dependOnClassesThat().resideInAPackage("io.perftest.cli..")
                .because("the CLI and the plugin adapt the core, never the other way round")
                .check(CORE);
    }

    @Test
    public void shouldKeepTheModelAtTheBottom() {
        dependsOnlyOn("model").check(CORE);
    }

    @Test
    public void shouldLetConfigurationUseOnlyTheModel() {
        dependsOnlyOn("config", "model").check(CORE);
    }

    @Test
    public void shouldLetHostsUseOnlyTheModel() {
        dependsOnlyOn("host", "model").check(CORE);
    }

    @Test
    public void shouldLetStatisticsUseOnlyTheModel() {
        dependsOnlyOn("stats", "model").check(CORE);
    }

    @Test
    public void shouldLetIngestUseOnlyTheModelAndStatistics() {
        dependsOnlyOn("ingest", "model", "stats").check(CORE);
    }

    @Test
    public void shouldLetTheStoreUseOnlyTheModel() {
        dependsOnlyOn("store", "model").check(CORE);
    }

    @Test
    public void shouldLetCollectorsUseOnlyModelHostsAndIngest() {
        dependsOnlyOn("collect", "model", "host", "ingest", "stats").check(CORE);
    }

    @Test
    public void shouldLetAnalysisUseOnlyModelStatisticsAndStore() {
        dependsOnlyOn("analysis", "model", "stats", "store").check(CORE);
    }

    @Test
    public void shouldLetTheEngineUseEverythingButConfigurationChartsAndReports() {
        dependsOnlyOn("run", "model", "host", "collect", "ingest", "stats", "store", "analysis").check(CORE);
    }

    @Test
    public void shouldLetChartsUseOnlyModelStatisticsAnalysisAndStore() {
        dependsOnlyOn("chart", "model", "stats", "analysis", "store").check(CORE);
    }

    @Test
    public void shouldLetReportsUseOnlyModelStatisticsAnalysisStoreAndCharts() {
        dependsOnlyOn("report", "model", "stats", "analysis", "store", "chart").check(CORE);
    }
}
