package org.medkiosk.hospital;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A paid invoice (FHIR Invoice status=balanced) for "fee details and paid history". */
public record PaidInvoice(
        String id,
        String patientId,
        LocalizedText description,
        LocalDate issued,
        List<ChargeItem> items,
        Money total,
        Visit visit,
        Instant paidAt,
        String transactionNumber) {

    public PaidInvoice {
        items = List.copyOf(items);
    }
}
