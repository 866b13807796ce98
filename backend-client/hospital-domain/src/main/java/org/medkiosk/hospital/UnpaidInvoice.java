package org.medkiosk.hospital;

import java.time.LocalDate;
import java.util.List;

/** An issued, not yet paid invoice (FHIR Invoice status=issued) with its line items. */
public record UnpaidInvoice(
        String id,
        String patientId,
        LocalizedText description,
        LocalDate issued,
        List<ChargeItem> items,
        Money total) {

    public UnpaidInvoice {
        items = List.copyOf(items);
    }
}
