package org.medkiosk.fhir;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.Department;
import org.medkiosk.hospital.Doctor;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.hospital.PaymentRequest;
import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.hospital.ReportSummary;
import org.medkiosk.hospital.Slot;
import org.medkiosk.hospital.SlotHold;
import org.medkiosk.hospital.TopUpRequest;

/**
 * {@code kiosk backend check --url URL [--token T] [--patient ID-NUMBER] [--write] [--ca PEM]}: a conformance check
 * of a hospital's FHIR server against what the kiosk needs (backend-client/INTEGRATION.md). Prints one line per
 * operation: PASS, FAIL with the reason, or N/A when the server does not offer it. Read-only unless --write is given
 * (only ever against a test server: it holds, books, cancels, pays, deposits and marks a report printed).
 * Exit code 0 when nothing failed, 1 when something did, 2 for a usage error.
 */
public final class BackendCheckCommand {
    static final String USAGE = "usage: kiosk backend check --url URL [--token T] [--patient ID-NUMBER] [--ca PEM] [--write]\n"
            + "  --patient  a test patient's resident ID number: checks that patient's appointments, bills, account, reports\n"
            + "  --write    also exercise hold/book/cancel/check-in/pay/reverse/deposit/mark-printed (TEST servers only)";
    /** A payment code the demo hospital (and a test wallet) settles at once. */
    static final String TEST_PAYMENT_CODE = "134567890123456710";

    private final PrintStream out;
    private int failures;

    private BackendCheckCommand(PrintStream out) {
        this.out = out;
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(args);
        if (!a.isEmpty() && a.get(0).equals("backend")) {
            a.remove(0);
        }
        if (!a.isEmpty() && a.get(0).equals("check")) {
            a.remove(0);
        }
        String url = null;
        String token = null;
        String patient = null;
        String ca = null;
        boolean write = false;
        for (int i = 0; i < a.size(); i++) {
            String arg = a.get(i);
            switch (arg) {
                case "--url", "--token", "--patient", "--ca" -> {
                    if (i + 1 >= a.size()) {
                        err.println(arg + " needs a value");
                        err.println(USAGE);
                        return 2;
                    }
                    String v = a.get(++i);
                    switch (arg) {
                        case "--url" -> url = v;
                        case "--token" -> token = v;
                        case "--patient" -> patient = v;
                        default -> ca = v;
                    }
                }
                case "--write" -> write = true;
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("unknown argument: " + arg);
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        if (url == null) {
            err.println("--url is required");
            err.println(USAGE);
            return 2;
        }
        FhirSettings settings;
        try {
            settings = FhirSettings.of(url).withAllTimeouts(Duration.ofSeconds(10)).withRetries(0)
                    .withBreaker(Integer.MAX_VALUE, Duration.ofSeconds(1));
            if (token != null) {
                settings = settings.withBearerToken(token);
            }
            if (ca != null) {
                settings = settings.withTrustedCertificates(java.nio.file.Path.of(ca));
            }
        } catch (IllegalArgumentException e) {
            err.println("bad settings: " + e.getMessage());
            return 2;
        }
        BackendCheckCommand check = new BackendCheckCommand(out);
        out.println("MedKiosk backend conformance check of " + settings.baseUrl() + (write ? " (with writes)" : " (read-only)"));
        try (FhirTransport transport = new FhirTransport(settings);
             FhirHospitalBackend backend = new FhirHospitalBackend(settings)) {
            check.all(transport, backend, patient, write);
        }
        out.println(check.failures == 0 ? "RESULT: conformant" : "RESULT: " + check.failures + " check(s) failed");
        return check.failures == 0 ? 0 : 1;
    }

    private void all(FhirTransport transport, FhirHospitalBackend backend, String patientIdNumber, boolean write) {
        Set<String> operations = new HashSet<>();
        check("capabilities (GET metadata)", () -> {
            JsonNode cs = transport.get(BackendOperation.CAPABILITIES, "metadata");
            FhirJson.requireType(cs, "CapabilityStatement");
            String version = cs.path("fhirVersion").asText("");
            if (!version.startsWith("4.0")) {
                throw new IllegalStateException("FHIR version " + version.replaceAll("[^\\w.]", "") + ", need 4.0.x (R4)");
            }
            for (JsonNode rest : cs.path("rest")) {
                rest.path("operation").forEach(o -> operations.add(o.path("name").asText()));
                for (JsonNode r : rest.path("resource")) {
                    r.path("operation").forEach(o -> operations.add(o.path("name").asText()));
                }
            }
            return "FHIR " + version + ", " + operations.size() + " operations declared";
        });
        for (String op : List.of("hold", "book", "check-in", "pay", "payment-status", "payment-reverse", "payment-refund",
                "deposit", "mark-printed")) {
            if (operations.contains(op) || operations.contains("$" + op)) {
                line("PASS", "declares $" + op, "in CapabilityStatement");
            } else {
                line("N/A ", "declares $" + op, "not supported (not in CapabilityStatement)");
            }
        }
        check("identify unknown card (Patient?identifier)", () -> {
            Optional<Patient> nobody = backend.findPatient(PatientIdentifier.residentId("11010519491231002X"));
            return nobody.isEmpty() ? "no match, as expected" : fail("a made-up ID number matched a patient");
        });
        List<Department> departments = new ArrayList<>();
        check("departments (Organization?type=dept)", () -> {
            departments.addAll(backend.departments());
            return departments.isEmpty() ? fail("no departments") : departments.size() + " departments";
        });
        List<Doctor> doctors = new ArrayList<>();
        check("doctors (PractitionerRole?organization + Schedule + Slot)", () -> {
            for (Department d : departments) {
                doctors.addAll(backend.doctors(d.id(), LocalDate.now()));
                if (doctors.size() >= 3) {
                    break;
                }
            }
            return doctors.isEmpty() ? fail("no doctors in the first departments") : doctors.size() + " doctors checked";
        });
        List<Slot> slots = new ArrayList<>();
        check("free slots, today + 7 days (Slot?schedule&status=free&start)", () -> {
            for (Doctor d : doctors) {
                slots.addAll(backend.freeSlots(d.id(), LocalDate.now(), LocalDate.now().plusDays(7)));
                if (!slots.isEmpty()) {
                    break;
                }
            }
            return slots.isEmpty() ? fail("no free slot for the doctors checked") : slots.size() + " free slots";
        });
        check("payment status of an unknown key (Invoice/$payment-status)", () -> {
            try {
                backend.paymentStatus("medkiosk-check-" + UUID.randomUUID());
                return fail("an unknown idempotency key was answered");
            } catch (BackendException.NotFound expected) {
                return "404 for an unknown key, as expected";
            }
        });
        Patient patient = null;
        if (patientIdNumber != null) {
            Optional<Patient> found = Optional.empty();
            try {
                found = backend.findPatient(PatientIdentifier.residentId(patientIdNumber));
                line(found.isPresent() ? "PASS" : "FAIL", "identify test patient (Patient?identifier)",
                        found.isPresent() ? "found" : "the test patient was not found");
                if (found.isEmpty()) {
                    failures++;
                }
            } catch (RuntimeException e) {
                failed("identify test patient (Patient?identifier)", e);
            }
            patient = found.orElse(null);
        }
        if (patient != null) {
            String pid = patient.id();
            check("appointments today (Appointment?patient&date)", () -> backend.appointments(pid, LocalDate.now()).size() + " found");
            check("bookings this week (Appointment?patient&date&status=booked)", () ->
                    backend.bookings(pid, LocalDate.now(), LocalDate.now().plusDays(7)).size() + " found");
            check("unpaid invoices (Invoice?patient&status=issued)", () -> backend.unpaidInvoices(pid).size() + " found");
            check("prepaid balance (Account?patient)", () -> "account " + backend.balance(pid).accountId());
            List<ReportSummary> reports = new ArrayList<>();
            check("final reports (DiagnosticReport?patient&status=final)", () -> {
                reports.addAll(backend.finalReports(pid));
                return reports.size() + " found";
            });
            check("report detail (_include result/specimen/subject)", () -> {
                if (reports.isEmpty()) {
                    return "skipped: the patient has no final report";
                }
                ReportSummary r = reports.get(0);
                boolean ok = r.kind() == org.medkiosk.hospital.ReportKind.LAB
                        ? backend.labReport(r.id()).isPresent() : backend.imagingReport(r.id()).isPresent();
                return ok ? "read" : fail("listed report could not be read");
            });
            check("report document (presentedForm / Binary)", () -> {
                Optional<ReportSummary> withDoc = reports.stream().filter(ReportSummary::hasDocument).findFirst();
                if (withDoc.isEmpty()) {
                    return "skipped: no report with a document";
                }
                return backend.reportDocument(withDoc.get().id()).content().length + " bytes";
            });
            if (write) {
                writes(backend, patient, slots, reports);
            }
        } else if (write) {
            line("FAIL", "write operations", "need --patient ID-NUMBER of a test patient");
            failures++;
        }
    }

    private void writes(FhirHospitalBackend backend, Patient patient, List<Slot> slots, List<ReportSummary> reports) {
        String pid = patient.id();
        if (slots.isEmpty()) {
            line("FAIL", "Appointment/$hold", "no free slot to hold");
            failures++;
        } else {
            SlotHold[] hold = new SlotHold[1];
            check("Appointment/$hold", () -> {
                hold[0] = backend.hold(pid, slots.get(0).id(), "check-" + UUID.randomUUID());
                return "held until " + hold[0].expiresAt();
            });
            if (hold[0] != null) {
                check("Appointment/$book", () -> backend.book(hold[0].appointmentId(), "check-" + UUID.randomUUID()).status().toString());
                check("cancel (PUT Appointment status=cancelled, Idempotency-Key header)", () ->
                        backend.cancel(hold[0].appointmentId(), "check-" + UUID.randomUUID()).status().toString());
            }
        }
        check("Appointment/$check-in", () -> {
            var today = backend.appointments(pid, LocalDate.now()).stream()
                    .filter(a -> a.status() == org.medkiosk.hospital.AppointmentStatus.BOOKED
                            || a.status() == org.medkiosk.hospital.AppointmentStatus.ARRIVED).findFirst();
            if (today.isEmpty()) {
                return "skipped: the test patient has no booked appointment today";
            }
            return "queue number " + backend.checkIn(today.get().id(), "check-" + UUID.randomUUID()).queueNumber();
        });
        String payKey = "check-" + UUID.randomUUID();
        check("Invoice/$pay", () -> {
            PaymentResult r = backend.pay(new PaymentRequest(payKey, pid, List.of(), Money.ofYuan("0.01"),
                    PaymentMethod.WECHAT_PAY, TEST_PAYMENT_CODE));
            return r.status().toString();
        });
        check("Invoice/$payment-status", () -> backend.paymentStatus(payKey).status().toString());
        check("Invoice/$payment-reverse", () -> backend.reversePayment(payKey).status().toString());
        check("Invoice/$payment-reverse of a key never sent closes it", () -> {
            String closedKey = "check-" + UUID.randomUUID();
            PaymentResult closed = backend.reversePayment(closedKey);
            if (closed.status() != org.medkiosk.hospital.PaymentStatus.CLOSED) {
                return fail("answered " + closed.status() + ", not CLOSED");
            }
            try {
                PaymentResult late = backend.pay(new PaymentRequest(closedKey, pid, List.of(), Money.ofYuan("0.01"),
                        PaymentMethod.WECHAT_PAY, TEST_PAYMENT_CODE));
                return late.status() == org.medkiosk.hospital.PaymentStatus.CLOSED ? "closed; a late $pay is refused"
                        : fail("a $pay after the close answered " + late.status());
            } catch (BackendException.Conflict refused) {
                return "closed; a late $pay is refused (409)";
            }
        });
        check("Account/$deposit", () -> {
            String account = backend.balance(pid).accountId();
            return backend.topUp(new TopUpRequest("check-" + UUID.randomUUID(), account, Money.ofYuan("0.01"),
                    PaymentMethod.WECHAT_PAY, TEST_PAYMENT_CODE)).status().toString();
        });
        check("DiagnosticReport/$mark-printed", () -> {
            Optional<ReportSummary> printable = reports.stream().filter(ReportSummary::printable).findFirst();
            if (printable.isEmpty()) {
                return "skipped: no printable report";
            }
            backend.markPrinted(printable.get().id(), "check-" + UUID.randomUUID());
            return "recorded";
        });
    }

    private static String fail(String reason) {
        throw new CheckFailed(reason);
    }

    private static final class CheckFailed extends RuntimeException {
        CheckFailed(String reason) {
            super(reason, null, false, false);
        }
    }

    private void check(String name, Callable<String> body) {
        try {
            String detail = body.call();
            line("PASS", name, detail);
        } catch (Exception e) {
            failed(name, e);
        }
    }

    private void failed(String name, Exception e) {
        failures++;
        String reason = e instanceof CheckFailed ? e.getMessage()
                : e instanceof BackendException ? e.getClass().getSimpleName() + ": " + e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        line("FAIL", name, reason);
    }

    private void line(String verdict, String name, String detail) {
        out.printf("%s  %-62s %s%n", verdict, name, detail);
    }
}
