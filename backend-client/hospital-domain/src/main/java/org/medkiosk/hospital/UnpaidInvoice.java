package org.medkiosk.hospital;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An issued, not yet paid invoice (FHIR Invoice status=issued) with its line items and the visit it belongs to,
 * so the kiosk can group a patient's bills by visit.
 */
public record UnpaidInvoice(
        String id,
        String patientId,
        LocalizedText description,
        LocalDate issued,
        List<ChargeItem> items,
        Money total,
        Visit visit) {

    public UnpaidInvoice {
        items = List.copyOf(items);
        Objects.requireNonNull(visit, "visit");
    }
}
