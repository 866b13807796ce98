package org.medkiosk.hospital;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The hospital as the kiosk sees it, in the hospital's words. Adapters (HL7 FHIR R4 first) implement it.
 * Every method may block on the network: call it off the FX thread. Failures are {@link BackendException}s.
 * Calls that change the hospital's records carry the kiosk's idempotency key, so a retry is safe.
 */
public interface HospitalBackend {

    /** The patient holding this identifier, or empty when the hospital does not know them. */
    Optional<Patient> findPatient(PatientIdentifier identifier);

    /** The patient the hospital knows by this id (the subject of an appointment on a scanned slip); empty if none. */
    Optional<Patient> patient(String patientId);

    /**
     * Patients matching a nurse's search (nurse-assisted mode), for the nurse to pick the one beside them: none,
     * one, or several (a phone number a family shares, two people of one name and birthday). Records the
     * hospital has retired (merged duplicates) are not offered. At most a first page (50): a longer list means the
     * query is too broad.
     */
    List<Patient> findPatients(PatientQuery query);

    /**
     * Confirms who a member of staff is: the person behind a staff card, or behind a staff number whose PIN the
     * hospital accepts. Empty for a card or number the hospital does not know, a wrong PIN, or someone no longer
     * active; the kiosk is not told which, so the screen cannot help anyone guess. The PIN is checked by the
     * hospital, never by the kiosk.
     */
    Optional<StaffMember> signIn(StaffCredentials credentials);

    List<Department> departments();

    List<Doctor> doctors(String departmentId, LocalDate day);

    /** Free slots of a doctor from {@code from} to {@code to} inclusive (today and the next 7 days at most). */
    List<Slot> freeSlots(String doctorId, LocalDate from, LocalDate to);

    /** Holds a slot while the patient pays; Conflict when it was just taken. */
    SlotHold hold(String patientId, String slotId, String idempotencyKey);

    /** Books a held slot; Conflict when the hold expired and the slot went to someone else. */
    Appointment book(String holdAppointmentId, String idempotencyKey);

    /**
     * Cancels an appointment (the key travels with the request, so a retry is the same cancellation). The fee is
     * not refunded by this call: when the answer says {@link Appointment#refundable()}, the kiosk refunds the
     * payment named by {@link Appointment#paymentKey()} with {@link #refund}.
     */
    Appointment cancel(String appointmentId, String idempotencyKey);

    /** The patient's appointments for a day (for check-in). */
    List<Appointment> appointments(String patientId, LocalDate day);

    /** The patient's booked, not yet attended appointments from {@code from} to {@code to} inclusive ("my bookings"). */
    List<Appointment> bookings(String patientId, LocalDate from, LocalDate to);

    QueueTicket checkIn(String appointmentId, String idempotencyKey);

    /** One appointment by id (the MKAPT: QR on a registration slip); empty when the hospital has no such appointment. */
    Optional<Appointment> appointment(String appointmentId);

    /** Where a checked-in patient stands in the queue now (patients ahead, room); empty when not checked in. */
    Optional<QueueTicket> queueStatus(String appointmentId);

    List<UnpaidInvoice> unpaidInvoices(String patientId);

    /** Paid invoices issued from {@code from} to {@code to} inclusive (fee details and paid history). */
    List<PaidInvoice> paidInvoices(String patientId, LocalDate from, LocalDate to);

    PaymentResult pay(PaymentRequest request);

    /** What the hospital knows of an intent; NotFound when the intent never reached it. */
    PaymentResult paymentStatus(String idempotencyKey);

    /**
     * Cancels a pending or succeeded-but-unwanted intent; the answer may say SUCCESS when the money won the race.
     * A key the hospital never saw is closed: the answer is CLOSED and the hospital refuses any later request
     * carrying that key (the original request may still be in flight), as wallet "close order" APIs do.
     */
    PaymentResult reversePayment(String idempotencyKey);

    PaymentResult refund(String idempotencyKey, String reason);

    AccountBalance balance(String patientId);

    TopUpResult topUp(TopUpRequest request);

    List<ReportSummary> finalReports(String patientId);

    /** Reports ordered but not final yet, with their expected time. */
    List<PendingReport> pendingReports(String patientId);

    /** The reports of one specimen, by the barcode on the patient's collection slip; NotFound for an unknown one. */
    SpecimenReports reportsForSpecimen(String specimenId);

    Optional<LabReport> labReport(String reportId);

    Optional<ImagingReport> imagingReport(String reportId);

    ReportDocument reportDocument(String reportId);

    /** Records a print; Conflict when the hospital's print limit is reached. */
    void markPrinted(String reportId, String idempotencyKey);
}
