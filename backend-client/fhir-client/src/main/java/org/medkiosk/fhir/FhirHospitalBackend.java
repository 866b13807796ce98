package org.medkiosk.fhir;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.medkiosk.hospital.AccountBalance;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.Department;
import org.medkiosk.hospital.Doctor;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.ImagingReport;
import org.medkiosk.hospital.LabReport;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.hospital.PaymentRequest;
import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.hospital.QueueTicket;
import org.medkiosk.hospital.ReportDocument;
import org.medkiosk.hospital.ReportSummary;
import org.medkiosk.hospital.Slot;
import org.medkiosk.hospital.SlotHold;
import org.medkiosk.hospital.TopUpRequest;
import org.medkiosk.hospital.TopUpResult;
import org.medkiosk.hospital.UnpaidInvoice;

/**
 * {@link HospitalBackend} over HL7 FHIR R4 (JSON) with the Micronaut HTTP client. Thread-safe: one instance per
 * kiosk, shared by all journeys; every method blocks up to its operation's timeout, so call it off the FX thread.
 * Close it on shutdown to release the connection pool.
 */
public final class FhirHospitalBackend implements HospitalBackend, AutoCloseable {
    private final FhirTransport transport;
    private final FhirMapping mapping;

    public FhirHospitalBackend(FhirSettings settings) {
        this(settings, ZoneId.systemDefault());
    }

    /** {@code zone} is the hospital's time zone: the kiosk's "today" and how date-only values are read. */
    public FhirHospitalBackend(FhirSettings settings, ZoneId zone) {
        this.transport = new FhirTransport(settings);
        this.mapping = new FhirMapping(zone);
    }

    @Override
    public Optional<Patient> findPatient(PatientIdentifier identifier) {
        for (String system : IdentifierSystems.searchOrder(identifier.kind())) {
            JsonNode bundle = transport.get(BackendOperation.FIND_PATIENT,
                    "Patient?identifier=" + FhirTransport.urlEncode(system + "|" + identifier.value()));
            List<JsonNode> found = FhirJson.matches(bundle, "Patient");
            if (found.size() > 1) {
                // Two people behind one card: never guess whose records to show.
                throw new BackendException.Conflict("FIND_PATIENT: identifier matches " + found.size() + " patients");
            }
            if (found.size() == 1) {
                return Optional.of(mapping.patient(found.get(0)));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Department> departments() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<Doctor> doctors(String departmentId, LocalDate day) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<Slot> freeSlots(String doctorId, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public SlotHold hold(String patientId, String slotId, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Appointment book(String holdAppointmentId, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Appointment cancel(String appointmentId, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<Appointment> appointments(String patientId, LocalDate day) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public QueueTicket checkIn(String appointmentId, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<UnpaidInvoice> unpaidInvoices(String patientId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public PaymentResult pay(PaymentRequest request) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public PaymentResult paymentStatus(String idempotencyKey) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public PaymentResult reversePayment(String idempotencyKey) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public PaymentResult refund(String idempotencyKey, String reason) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public AccountBalance balance(String patientId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public TopUpResult topUp(TopUpRequest request) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public List<ReportSummary> finalReports(String patientId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Optional<LabReport> labReport(String reportId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Optional<ImagingReport> imagingReport(String reportId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public ReportDocument reportDocument(String reportId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void markPrinted(String reportId, String idempotencyKey) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
        transport.close();
    }
}
