package org.medkiosk.journey;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md's dependency rule, enforced on the compiled classes: kiosk-app → {backend-client, device-drivers,
 * print-templates}; print-templates → hospital-domain only; drivers and backend know nothing of each other; nothing
 * here knows the JavaFX app or JavaFX itself (this module's classpath has no JavaFX at all).
 */
class DependencyRuleTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.medkiosk");
    }

    @Test
    void journeysAndEverythingBelowThemImportNoJavaFxAndNoApp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.medkiosk.app..")
                .check(classes);
    }

    @Test
    void deviceDriversKnowNothingOfTheHospital() {
        noClasses().that().resideInAPackage("org.medkiosk.device..")
                .should().dependOnClassesThat().resideInAnyPackage("org.medkiosk.hospital..", "org.medkiosk.fhir..",
                        "org.medkiosk.demohospital..", "org.medkiosk.print..", "org.medkiosk.journey..", "org.medkiosk.journal..")
                .check(classes);
    }

    @Test
    void theBackendKnowsNothingOfDevicesPrintingOrJourneys() {
        noClasses().that().resideInAnyPackage("org.medkiosk.hospital..", "org.medkiosk.fhir..", "org.medkiosk.demohospital..")
                .should().dependOnClassesThat().resideInAnyPackage("org.medkiosk.device..", "org.medkiosk.print..",
                        "org.medkiosk.journey..", "org.medkiosk.journal..")
                .check(classes);
    }

    @Test
    void printTemplatesUseOnlyTheHospitalDomain() {
        noClasses().that().resideInAPackage("org.medkiosk.print..")
                .should().dependOnClassesThat().resideInAnyPackage("org.medkiosk.device..", "org.medkiosk.fhir..",
                        "org.medkiosk.demohospital..", "org.medkiosk.journey..", "org.medkiosk.journal..")
                .check(classes);
    }

    @Test
    void theJournalDoesNotKnowTheJourneys() {
        noClasses().that().resideInAPackage("org.medkiosk.journal..")
                .should().dependOnClassesThat().resideInAPackage("org.medkiosk.journey..")
                .check(classes);
    }
}
