package cn.duban;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * The dependency rules between duban's packages (issue #18), checked on the compiled classes, fully qualified
 * names and nested types included. Dependencies point one way: the features over the shared layers
 * ({@code identity}, {@code engine}, {@code support}); nothing depends on the edge ({@code web}) or the demo. (The rules are methods, not {@code ArchRule} fields: Surefire 3.5.3 does not run {@code @ArchTest}
 * fields, TNG/ArchUnit#1442.)
 */
@AnalyzeClasses(packages = "cn.duban", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** No two packages depend on each other, directly or round a circle. */
    @ArchTest
    static void packagesFormNoCycles(JavaClasses classes) {
        slices().matching("cn.duban.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The shared pieces know no feature. */
    @ArchTest
    static void supportStandsAlone(JavaClasses classes) {
        noClasses().that().resideInAPackage("cn.duban.support..")
            .should().dependOnClassesThat(resideInAPackage("cn.duban..").and(not(resideInAPackage("cn.duban.support..")))).check(classes);
    }

    /** The engine's adapters know only the shared pieces. */
    @ArchTest
    static void engineKnowsNoFeature(JavaClasses classes) {
        noClasses().that().resideInAPackage("cn.duban.engine..")
            .should().dependOnClassesThat(resideInAPackage("cn.duban..").and(not(resideInAnyPackage("cn.duban.engine..",
                    "cn.duban.support..")))).check(classes);
    }

    /** Who may do what knows no feature: the features ask it. */
    @ArchTest
    static void identityKnowsNoFeature(JavaClasses classes) {
        noClasses().that().resideInAPackage("cn.duban.identity..")
            .should().dependOnClassesThat(resideInAPackage("cn.duban..").and(not(resideInAnyPackage("cn.duban.identity..",
                    "cn.duban.engine..", "cn.duban.support..")))).check(classes);
    }

    /** The HTTP edge (authentication, error answers) is used by no feature. */
    @ArchTest
    static void nothingDependsOnTheEdge(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("cn.duban.web..")
            .should().dependOnClassesThat().resideInAPackage("cn.duban.web..").check(classes);
    }

    /** The demo data is a leaf: no product code depends on it. (The benchmarks are in the test sources.) */
    @ArchTest
    static void nothingDependsOnTheDemo(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("cn.duban.demo..")
            .should().dependOnClassesThat().resideInAPackage("cn.duban.demo..").check(classes);
    }

    /**
     * A repository is its feature's own: other features use the feature's services (Units, CampaignService,
     * ReportService, CampaignUnits, ReportFigures). Which package writes and reads which table: TableOwnershipTest.
     */
    @ArchTest
    static void repositoriesStayInTheirFeature(JavaClasses classes) {
        classes().that().haveSimpleNameEndingWith("Repository").should().notBePublic().check(classes);
    }
}
