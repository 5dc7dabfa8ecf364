package org.kontor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shape CONVENTIONS.md asks for, checked on the compiled code so it cannot drift. */
class ArchitectureTest {
    private static final JavaClasses KONTOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kontor");

    @Test
    void controllersUseUseCasesNotRepositories() {
        noClasses().that().resideInAPackage("org.kontor.(*).api..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .because("thin adapters call one use case; data access and rules live in the feature")
                .check(KONTOR);
    }

    @Test
    void webPagesUseUseCasesNotRepositories() {
        noClasses().that().resideInAnyPackage("org.kontor.workspace..", "org.kontor.web..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .because("the agent workspace and admin pages call the same use cases and access policy as the API")
                .check(KONTOR);
    }

    @Test
    void ticketDataIsReadOnlyThroughTheAccessPolicy() {
        noClasses().that().resideOutsideOfPackages("org.kontor.ticket", "org.kontor.visibility")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.kontor.ticket.TicketRepository")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kontor.ticket.CommentRepository")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kontor.ticket.AuditRepository")
                .because("every read of tickets, comments and audits for a user goes through visibility.VisibleTickets")
                .check(KONTOR);
    }

    @Test
    void theDomainDoesNotDependOnTheWebLayer() {
        noClasses().that().resideInAnyPackage("org.kontor.ticket", "org.kontor.visibility", "org.kontor.user",
                        "org.kontor.organization", "org.kontor.group", "org.kontor.settings")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(KONTOR);
    }
}
