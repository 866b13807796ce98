package org.medkiosk.print.receipt;

import java.util.Objects;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.hospital.PaymentResult;

/**
 * Tells a patient that money taken for something that then failed (typically paid-but-booking-failed)
 * is on its way back.
 *
 * @param refund the payment intent in status REFUNDED (amount and transaction number are printed)
 * @param what   what the money had been for
 * @param reason why it was refunded, in the patient's words
 */
public record RefundNotice(Patient patient, PaymentResult refund, PaymentMethod method, LocalizedText what,
                           LocalizedText reason) {
    public RefundNotice {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(refund, "refund");
        Objects.requireNonNull(what, "what");
        reason = reason == null ? LocalizedText.same("") : reason;
    }
}
