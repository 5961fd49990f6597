package headwater.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module arrows of docs/01-architecture.md, checked on the compiled classes of every module on app's classpath:
 * media, domain and security import no other module of ours; store only domain; headend only media; delivery none of
 * ours (it declares the interfaces it needs); api only domain and security; payments only domain; only app sees them all.
 */
@AnalyzeClasses(packages = "headwater", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule media_imports_no_other_module = mayImportOnly("media");

    @ArchTest
    static final ArchRule domain_imports_no_other_module = mayImportOnly("domain");

    @ArchTest
    static final ArchRule security_imports_no_other_module = mayImportOnly("security");

    @ArchTest
    static final ArchRule api_imports_only_domain_and_security = mayImportOnly("api", "domain", "security");

    @ArchTest
    static final ArchRule store_imports_only_domain = mayImportOnly("store", "domain");

    @ArchTest
    static final ArchRule payments_imports_only_domain = mayImportOnly("payments", "domain");

    @ArchTest
    static final ArchRule headend_imports_only_media = mayImportOnly("headend", "media");

    @ArchTest
    static final ArchRule delivery_declares_what_it_needs_instead_of_importing_the_headend = mayImportOnly("delivery");

    @ArchTest
    static final ArchRule no_impl_or_utils_classes = noClasses()
            .that().resideInAPackage("headwater..")
            .should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Utils");

    /** Classes of {@code module} depend on no class of ours outside that module and the {@code allowed} ones. */
    private static ArchRule mayImportOnly(String module, String... allowed) {
        String[] own = new String[allowed.length + 1];
        own[0] = "headwater." + module + "..";
        for (int i = 0; i < allowed.length; i++) {
            own[i + 1] = "headwater." + allowed[i] + "..";
        }
        return noClasses()
                .that().resideInAPackage("headwater." + module + "..")
                .should().dependOnClassesThat(resideInAPackage("headwater..").and(not(resideInAnyPackage(own))))
                .as(module + " imports " + (allowed.length == 0 ? "no other module of ours" : "only " + String.join(", ", allowed)));
    }
}
