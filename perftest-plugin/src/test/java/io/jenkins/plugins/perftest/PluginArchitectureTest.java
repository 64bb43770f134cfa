package io.jenkins.plugins.perftest;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaModifier.PUBLIC;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.core.domain.properties.HasParameterTypes.Predicates.rawParameterTypes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.Test;

/**
 * The plugin is a thin adapter, as warnings-ng is over analysis-model: it reaches the core only
 * through the core's public types, hands the core no Jenkins type, and the core it bundles
 * depends on nothing of Jenkins.
 */
public class PluginArchitectureTest {

    private static final String[] JENKINS = {"hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "com.cloudbees..",
            "io.jenkins.plugins..", "net.sf.json.."};

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.perftest");

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.perftest");

    @Test
    public void shouldReachTheCoreOnlyThroughItsPublicTypes() {
        noClasses().that().resideInAPackage("io.jenkins.plugins.perftest..")
                .should().dependOnClassesThat(resideInAPackage("io.perftest..").and(DescribedPredicate.not(modifier(PUBLIC))))
                .because("the core's package-private classes are its own business")
                .check(PLUGIN);
    }

    @Test
    public void shouldHandTheCoreNoJenkinsType() {
        noClasses().that().resideInAPackage("io.jenkins.plugins.perftest..")
                .should().callCodeUnitWhere(JavaCall.Predicates.target(AccessTarget.Predicates.declaredIn(resideInAPackage("io.perftest..")))
                        .and(JavaCall.Predicates.target(rawParameterTypes(anyElementThat(resideInAnyPackage(JENKINS))))))
                .because("the core takes its own types; Jenkins objects are adapted (JenkinsNodeHost, layers, specs) first")
                .check(PLUGIN);
    }

    @Test
    public void shouldBundleACoreThatDependsOnNoJenkinsClass() {
        noClasses().that().resideInAPackage("io.perftest..")
                .should().dependOnClassesThat().resideInAnyPackage(JENKINS)
                .check(CORE);
    }

    @Test
    public void shouldKeepCollectorConfigurationsApartFromTheRest() {
        noClasses().that().resideInAPackage("io.jenkins.plugins.perftest.collectors..")
                .should().dependOnClassesThat().resideInAPackage("io.perftest.run..")
                .because("a collector configuration only configures; the engine runs the core's collectors")
                .check(PLUGIN);
    }
}
