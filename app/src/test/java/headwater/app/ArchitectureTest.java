package headwater.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module arrows of docs/01-architecture.md, checked on the compiled classes of every module on app's classpath:
 * media imports no other module of ours, headend only media, delivery none of ours; only app sees them all.
 */
@AnalyzeClasses(packages = "headwater", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule media_imports_no_other_module = noClasses()
            .that().resideInAPackage("headwater.media..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("headwater.headend..", "headwater.delivery..", "headwater.app..", "headwater.testkit..");

    @ArchTest
    static final ArchRule headend_imports_only_media = noClasses()
            .that().resideInAPackage("headwater.headend..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("headwater.delivery..", "headwater.app..", "headwater.testkit..");

    @ArchTest
    static final ArchRule delivery_declares_what_it_needs_instead_of_importing_the_headend = noClasses()
            .that().resideInAPackage("headwater.delivery..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("headwater.headend..", "headwater.media..", "headwater.app..", "headwater.testkit..");

    @ArchTest
    static final ArchRule no_impl_or_utils_classes = noClasses()
            .that().resideInAPackage("headwater..")
            .should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Utils");
}
