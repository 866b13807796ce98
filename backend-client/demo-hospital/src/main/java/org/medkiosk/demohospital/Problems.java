package org.medkiosk.demohospital;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.OperationOutcome;

/** The demo's error answers: an HTTP status with an OperationOutcome whose issue code says why. */
final class Problems {
    private Problems() {
    }

    static BaseServerResponseException conflict(String diagnostics) {
        return new ResourceVersionConflictException(diagnostics, outcome(OperationOutcome.IssueType.CONFLICT, diagnostics));
    }

    static BaseServerResponseException businessRule(String diagnostics) {
        return new UnprocessableEntityException(diagnostics, outcome(OperationOutcome.IssueType.BUSINESSRULE, diagnostics));
    }

    static BaseServerResponseException notFound(String diagnostics) {
        return new ResourceNotFoundException(diagnostics, outcome(OperationOutcome.IssueType.NOTFOUND, diagnostics));
    }

    static BaseServerResponseException invalid(String diagnostics) {
        return new InvalidRequestException(diagnostics, outcome(OperationOutcome.IssueType.REQUIRED, diagnostics));
    }

    private static OperationOutcome outcome(OperationOutcome.IssueType type, String diagnostics) {
        OperationOutcome oo = new OperationOutcome();
        oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
        return oo;
    }
}
