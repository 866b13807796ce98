package org.medkiosk.fhir;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.medkiosk.hospital.PatientQuery;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.hospital.PaymentRequest;
import org.medkiosk.hospital.PaymentResult;
import org.medkiosk.hospital.ReportSummary;
import org.medkiosk.hospital.Slot;
import org.medkiosk.hospital.SlotHold;
import org.medkiosk.hospital.StaffCredentials;
import org.medkiosk.hospital.TopUpRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code kiosk backend check --url URL [--token T] [--patient ID-NUMBER] [--write] [--ca PEM]}: a conformance check
 * of a hospital's FHIR server against what the kiosk needs (backend-client/INTEGRATION.md). Prints one line per
 * operation: PASS, FAIL with the reason, or N/A when the server does not offer it. Read-only unless --write is given
 * (only ever against a test server: it holds, books, cancels, pays, deposits and marks a report printed).
 * Exit code 0 when nothing failed, 1 when something did, 2 for a usage error.
 */
public final class BackendCheckCommand {
    /** A payment code the demo hospital (and a test wallet) settles at once. */
    static final String TEST_PAYMENT_CODE = "134567890123456710";

    /** Where the lines are printed as they come (the command line); null: only collected (technician mode). */
    private final PrintStream out;
    private final List<String> lines = new ArrayList<>();
    private int failures;

    private BackendCheckCommand(PrintStream out) {
        this.out = out;
    }

    /** What one run of the check found: every line it printed (heading, verdicts, RESULT) and how many failed. */
    public record Outcome(List<String> lines, int failures) {
        public Outcome {
            lines = List.copyOf(lines);
        }

        public boolean conformant() {
            return failures == 0;
        }
    }

    /**
     * The read-only check (no --patient, no --write) of the server {@code settings} name, with the kiosk's own
     * credentials in them: technician mode's "Check the hospital". Blocking; the lines are returned, not printed.
     */
    public static Outcome check(FhirSettings settings) {
        return check(forCheck(settings), null, false, null);
    }

    /** The check's own client settings: short timeouts and no retries or breaker, so each verdict is one call's. */
    private static FhirSettings forCheck(FhirSettings settings) {
        return settings.withAllTimeouts(Duration.ofSeconds(10)).withRetries(0)
                .withBreaker(Integer.MAX_VALUE, Duration.ofSeconds(1));
    }

    private static Outcome check(FhirSettings settings, String patient, boolean write, PrintStream out) {
        BackendCheckCommand check = new BackendCheckCommand(out);
        check.print("MedKiosk backend conformance check of " + settings.baseUrl() + (write ? " (with writes)" : " (read-only)"));
        try (FhirTransport transport = new FhirTransport(settings);
             FhirHospitalBackend backend = new FhirHospitalBackend(settings)) {
            check.all(transport, backend, patient, write);
        }
        check.print(check.failures == 0 ? "RESULT: conformant" : "RESULT: " + check.failures + " check(s) failed");
        return new Outcome(check.lines, check.failures);
    }

    private void print(String line) {
        lines.add(line);
        if (out != null) {
            out.println(line);
        }
    }

    /**
     * The command line: {@code kiosk backend check}. The options in, {@link #check} run, exit 0 conformant, 1 not,
     * 2 usage (picocli's message and the usage on standard error; the value of --token is never echoed).
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Conformance check of a FHIR server, one line per operation.",
                    "PASS, FAIL with the reason, or N/A when the server does not offer it (backend-client/INTEGRATION.md)."
                            + " Read-only unless --write."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:nothing failed", "1:something did", "2:usage"})
    public static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--url", paramLabel = "URL", required = true, description = "the FHIR base URL")
        String url;

        @Option(names = "--token", paramLabel = "T", description = "a static bearer token (never echoed)")
        String token;

        @Option(names = "--patient", paramLabel = "ID-NUMBER",
                description = "a test patient's resident ID number: checks that patient's appointments, bills, account, reports")
        String patient;

        @Option(names = "--ca", paramLabel = "PEM", description = "the hospital CA or pinned certificate")
        String ca;

        @Option(names = "--write",
                description = "also exercise hold/book/cancel/check-in/pay/refund/reverse/deposit/mark-printed (TEST servers only)")
        boolean write;

        private final PrintStream out;

        public Check() {
            this(System.out);
        }

        public Check(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() {
            FhirSettings settings;
            try {
                settings = forCheck(FhirSettings.of(url));
                if (token != null) {
                    settings = settings.withBearerToken(token);
                }
                if (ca != null) {
                    settings = settings.withTrustedCertificates(java.nio.file.Path.of(ca));
                }
            } catch (IllegalArgumentException e) {
                String message = String.valueOf(e.getMessage());
                throw new ParameterException(spec.commandLine(), "bad settings: "
                        + (token == null || token.isEmpty() ? message : message.replace(token, "****")));
            }
            return check(settings, patient, write, out).conformant() ? 0 : 1;
        }
    }

    /** {@code [backend] [check] OPTIONS}: as {@link Check}, with these streams. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(args);
        if (!a.isEmpty() && a.get(0).equals("backend")) {
            a.remove(0);
        }
        if (!a.isEmpty() && a.get(0).equals("check")) {
            a.remove(0);
        }
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cl = new CommandLine(new Check(out)).setCommandName("kiosk backend check").setOut(o).setErr(e)
                .setParameterExceptionHandler(BackendCheckCommand::usageError);
        int code = cl.execute(a.toArray(new String[0]));
        o.flush();
        e.flush();
        return code;
    }

    /** picocli's message, without the value of --token or of a mistyped option, then the usage; exit 2. */
    static int usageError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String message;
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> options = new ArrayList<>();
            for (String arg : u.getUnmatched()) {
                if (arg.startsWith("-")) {
                    options.add("'" + (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) + "'");
                }
            }
            message = options.isEmpty() ? "unexpected arguments (values are not repeated)"
                    : "unknown option" + (options.size() > 1 ? "s " : " ") + String.join(", ", options);
        } else {
            message = String.valueOf(ex.getMessage());
            for (int i = 0; i < args.length; i++) {
                String secret = args[i].equals("--token") && i + 1 < args.length ? args[i + 1]
                        : args[i].startsWith("--token=") ? args[i].substring("--token=".length()) : null;
                if (secret != null && !secret.isEmpty()) {
                    message = message.replace(secret, "****");
                }
            }
        }
        cl.getErr().println("kiosk backend check: " + message);
        cl.usage(cl.getErr());
        cl.getErr().flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The custom operations, in the order they are reported, with the label of their line. */
    private static final Map<String, String> CUSTOM = customOperations();

    private static Map<String, String> customOperations() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hold", "Appointment/$hold");
        m.put("book", "Appointment/$book");
        m.put("check-in", "Appointment/$check-in");
        m.put("pay", "Invoice/$pay");
        m.put("payment-status", "Invoice/$payment-status");
        m.put("payment-reverse", "Invoice/$payment-reverse");
        m.put("payment-refund", "Invoice/$payment-refund");
        m.put("deposit", "Account/$deposit");
        m.put("mark-printed", "DiagnosticReport/$mark-printed");
        m.put("verify-pin", "Practitioner/$verify-pin");
        return m;
    }

    /** Operations declared in the CapabilityStatement. */
    private final Set<String> declared = new HashSet<>();
    /** Custom operations that already have their one verdict line. */
    private final Set<String> reported = new HashSet<>();

    /**
     * One verdict for a custom operation: N/A when the server does not declare it (and then it is not called), else
     * the outcome of {@code body}.
     */
    private void custom(String op, Callable<String> body) {
        if (!reported.add(op)) {
            throw new IllegalStateException("two verdicts for $" + op);
        }
        if (!declared.contains(op)) {
            line("N/A ", CUSTOM.get(op), "not supported (not in CapabilityStatement)");
            return;
        }
        check(CUSTOM.get(op), body);
    }

    private void all(FhirTransport transport, FhirHospitalBackend backend, String patientIdNumber, boolean write) {
        check("capabilities (GET metadata)", () -> {
            JsonNode cs = transport.get(BackendOperation.CAPABILITIES, "metadata");
            FhirJson.requireType(cs, "CapabilityStatement");
            String version = cs.path("fhirVersion").asText("");
            if (!version.startsWith("4.0")) {
                throw new IllegalStateException("FHIR version " + version.replaceAll("[^\\w.]", "") + ", need 4.0.x (R4)");
            }
            for (JsonNode rest : cs.path("rest")) {
                rest.path("operation").forEach(o -> declared.add(o.path("name").asText().replaceFirst("^\\$", "")));
                for (JsonNode r : rest.path("resource")) {
                    r.path("operation").forEach(o -> declared.add(o.path("name").asText().replaceFirst("^\\$", "")));
                }
            }
            long custom = CUSTOM.keySet().stream().filter(declared::contains).count();
            return "FHIR " + version + ", " + custom + " of " + CUSTOM.size() + " MedKiosk operations declared";
        });
        IdentifierSystems systems = backend.settings().identifierSystems();
        check("search filters: an unknown identifier finds no one (Patient?identifier)", () -> {
            String made = "medkiosk-check-" + UUID.randomUUID();
            int n = FhirJson.matches(transport.get(BackendOperation.FIND_PATIENT, "Patient?identifier="
                    + FhirTransport.urlEncode(systems.medicalRecordNumber() + "|" + made)), "Patient").size();
            if (n > 0) {
                return fail(n + " patient(s) returned for an identifier that does not exist: identifier= is ignored");
            }
            Optional<Patient> nobody = backend.findPatient(PatientIdentifier.residentId("11010519491231002X"));
            return nobody.isEmpty() ? "0 matches, as expected" : fail("a made-up ID number matched a patient");
        });
        check("search filters: a phone number nobody has finds no one (Patient?phone)", () -> {
            // +999 is no country's calling code: no hospital has it on file, not even as a placeholder number
            String made = "+999" + String.format("%010d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000_000L));
            int n = FhirJson.matches(transport.get(BackendOperation.PATIENT_SEARCH, "Patient?phone="
                    + FhirTransport.urlEncode(made)), "Patient").size();
            if (n > 0) {
                return fail(n + " patient(s) returned for a phone number nobody has: phone= is ignored");
            }
            return backend.findPatients(new PatientQuery.ByPhone(made)).isEmpty() ? "0 matches, as expected"
                    : fail("a made-up phone number matched a patient");
        });
        check("staff: an unknown staff card signs no one in (Practitioner?identifier)", () -> {
            String made = "medkiosk-check-" + UUID.randomUUID();
            int n = FhirJson.matches(transport.get(BackendOperation.STAFF_SIGN_IN, "Practitioner?identifier="
                    + FhirTransport.urlEncode(systems.staffCard() + "|" + made)), "Practitioner").size();
            if (n > 0) {
                return fail(n + " staff member(s) returned for a card that does not exist: identifier= is ignored");
            }
            return backend.signIn(new StaffCredentials.StaffCard(made)).isEmpty() ? "0 matches, as expected"
                    : fail("a made-up staff card signed someone in");
        });
        custom("verify-pin", () -> {
            String made = "medkiosk-check-" + UUID.randomUUID();
            return backend.signIn(new StaffCredentials.StaffNumberAndPin(made, "0000")).isEmpty()
                    ? "an unknown staff number is refused" : fail("an unknown staff number and PIN were accepted");
        });
        List<Department> departments = new ArrayList<>();
        check("departments (Organization?type=dept)", () -> {
            departments.addAll(backend.departments());
            return departments.isEmpty() ? fail("no departments") : departments.size() + " departments";
        });
        List<Doctor> doctors = new ArrayList<>();
        check("doctors (PractitionerRole?organization + Schedule + Slot)", () -> {
            for (Department d : departments) {
                List<Doctor> of = backend.doctors(d.id(), LocalDate.now());
                if (of.stream().anyMatch(x -> x.departmentId() != null && !x.departmentId().equals(d.id()))) {
                    return fail("a doctor of another department was listed: organization= is ignored");
                }
                doctors.addAll(of);
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
        check("search filters: bills of a patient who does not exist (Invoice?patient)", () -> {
            int n = FhirJson.matches(transport.get(BackendOperation.UNPAID_INVOICES, "Invoice?patient="
                    + FhirTransport.urlEncode("Patient/medkiosk-check-" + UUID.randomUUID()) + "&status=issued"),
                    "Invoice").size();
            return n == 0 ? "0 matches, as expected" : fail(n + " invoice(s) returned: patient= is ignored");
        });
        custom("payment-status", () -> {
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
            String ref = FhirTransport.urlEncode("Patient/" + pid);
            Patient testPatient = patient;
            check("patient search: the test patient by MRN, phone, name + birth date", () -> {
                List<String> ways = new ArrayList<>();
                List<String> missed = new ArrayList<>();
                if (testPatient.medicalRecordNumber() != null) {
                    (found(backend, new PatientQuery.ByMedicalRecordNumber(testPatient.medicalRecordNumber()), pid)
                            ? ways : missed).add("MRN");
                }
                if (testPatient.phone() != null && testPatient.phone().replaceAll("[\\s()\\-]", "").matches("\\+?\\d{5,20}")) {
                    (found(backend, new PatientQuery.ByPhone(testPatient.phone()), pid) ? ways : missed).add("phone");
                }
                if (testPatient.name() != null && !testPatient.name().isBlank() && testPatient.birthDate() != null) {
                    (found(backend, new PatientQuery.ByNameAndBirthDate(testPatient.name(), testPatient.birthDate()), pid)
                            ? ways : missed).add("name + birth date");
                }
                if (!missed.isEmpty()) {
                    return fail("the test patient was not found by " + String.join(", ", missed));
                }
                return ways.isEmpty() ? "skipped: the test patient has no MRN, phone or birth date on file"
                        : "found by " + String.join(", ", ways);
            });
            check("appointments today (Appointment?patient&date)", () -> {
                JsonNode b = transport.get(BackendOperation.APPOINTMENTS, "Appointment?patient=" + ref);
                for (JsonNode a : FhirJson.matches(b, "Appointment")) {
                    boolean theirs = false;
                    for (JsonNode p : a.path("participant")) {
                        theirs |= pid.equals(FhirJson.refId(p.path("actor")))
                                && "Patient".equals(FhirJson.refType(p.path("actor")));
                    }
                    if (!theirs) {
                        return fail("an appointment of another patient was returned: patient= is ignored");
                    }
                }
                return backend.appointments(pid, LocalDate.now()).size() + " found";
            });
            check("bookings this week (Appointment?patient&date&status=booked)", () ->
                    backend.bookings(pid, LocalDate.now(), LocalDate.now().plusDays(7)).size() + " found");
            check("unpaid invoices (Invoice?patient&status=issued)", () -> {
                JsonNode b = transport.get(BackendOperation.UNPAID_INVOICES, "Invoice?patient=" + ref + "&status=issued");
                for (JsonNode i : FhirJson.matches(b, "Invoice")) {
                    if (!pid.equals(FhirJson.refId(i.path("subject")))) {
                        return fail("an invoice of another patient was returned: patient= is ignored");
                    }
                    if (!"issued".equals(FhirJson.text(i, "status"))) {
                        return fail("an invoice not issued was returned: status= is ignored");
                    }
                }
                return backend.unpaidInvoices(pid).size() + " found, every one the patient's and issued";
            });
            check("paid invoices, last 90 days (Invoice?patient&status=balanced&date)", () ->
                    backend.paidInvoices(pid, LocalDate.now().minusDays(90), LocalDate.now()).size() + " found");
            check("prepaid balance (Account?patient)", () -> "account " + backend.balance(pid).accountId());
            List<ReportSummary> reports = new ArrayList<>();
            check("final reports (DiagnosticReport?patient&status=final)", () -> {
                JsonNode b = transport.get(BackendOperation.REPORTS, "DiagnosticReport?patient=" + ref + "&status=final");
                for (JsonNode r : FhirJson.matches(b, "DiagnosticReport")) {
                    if (!pid.equals(FhirJson.refId(r.path("subject")))) {
                        return fail("a report of another patient was returned: patient= is ignored");
                    }
                    if (!"final".equals(FhirJson.text(r, "status"))) {
                        return fail("a report not final was returned: status= is ignored");
                    }
                }
                reports.addAll(backend.finalReports(pid));
                return reports.size() + " found, every one the patient's and final";
            });
            check("pending reports (DiagnosticReport?patient&status=registered,partial,preliminary)", () ->
                    backend.pendingReports(pid).size() + " found");
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
        // every custom operation not exercised above still gets its one line: declared or not supported
        for (Map.Entry<String, String> op : CUSTOM.entrySet()) {
            if (!reported.contains(op.getKey())) {
                reported.add(op.getKey());
                if (declared.contains(op.getKey())) {
                    line("PASS", op.getValue(), "declared in CapabilityStatement (exercised with --patient --write)");
                } else {
                    line("N/A ", op.getValue(), "not supported (not in CapabilityStatement)");
                }
            }
        }
    }

    private void writes(FhirHospitalBackend backend, Patient patient, List<Slot> slots, List<ReportSummary> reports) {
        String pid = patient.id();
        SlotHold[] hold = new SlotHold[1];
        custom("hold", () -> {
            if (slots.isEmpty()) {
                return fail("no free slot to hold");
            }
            hold[0] = backend.hold(pid, slots.get(0).id(), "check-" + UUID.randomUUID());
            return "held until " + hold[0].expiresAt();
        });
        custom("book", () -> {
            if (hold[0] == null) {
                return "skipped: nothing was held";
            }
            return backend.book(hold[0].appointmentId(), "check-" + UUID.randomUUID()).status().toString();
        });
        if (hold[0] != null) {
            check("cancel (PUT Appointment status=cancelled, Idempotency-Key header)", () ->
                    backend.cancel(hold[0].appointmentId(), "check-" + UUID.randomUUID()).status().toString());
        }
        custom("check-in", () -> {
            var today = backend.appointments(pid, LocalDate.now()).stream()
                    .filter(a -> a.status() == org.medkiosk.hospital.AppointmentStatus.BOOKED
                            || a.status() == org.medkiosk.hospital.AppointmentStatus.ARRIVED).findFirst();
            if (today.isEmpty()) {
                return "skipped: the test patient has no booked appointment today";
            }
            return "queue number " + backend.checkIn(today.get().id(), "check-" + UUID.randomUUID()).queueNumber();
        });
        String refundKey = "check-" + UUID.randomUUID();
        boolean[] paid = new boolean[1];
        custom("pay", () -> {
            PaymentResult r = backend.pay(new PaymentRequest(refundKey, pid, List.of(), Money.ofYuan("0.01"),
                    PaymentMethod.WECHAT_PAY, TEST_PAYMENT_CODE));
            if (r.status() != org.medkiosk.hospital.PaymentStatus.SUCCESS) {
                return fail("the test payment answered " + r.status() + ", not SUCCESS");
            }
            paid[0] = true;
            if (declared.contains("payment-status")) {
                PaymentResult q = backend.paymentStatus(refundKey);
                if (q.status() != org.medkiosk.hospital.PaymentStatus.SUCCESS) {
                    return fail("$payment-status of the paid key answered " + q.status());
                }
            }
            return "SUCCESS";
        });
        custom("payment-refund", () -> {
            if (!paid[0]) {
                return "skipped: no successful payment to refund";
            }
            PaymentResult r = backend.refund(refundKey, "conformance check");
            return r.status() == org.medkiosk.hospital.PaymentStatus.REFUNDED ? "REFUNDED"
                    : fail("answered " + r.status() + ", not REFUNDED");
        });
        custom("payment-reverse", () -> {
            String closedKey = "check-" + UUID.randomUUID();
            PaymentResult closed = backend.reversePayment(closedKey);
            if (closed.status() != org.medkiosk.hospital.PaymentStatus.CLOSED) {
                return fail("a key never sent answered " + closed.status() + ", not CLOSED");
            }
            try {
                PaymentResult late = backend.pay(new PaymentRequest(closedKey, pid, List.of(), Money.ofYuan("0.01"),
                        PaymentMethod.WECHAT_PAY, TEST_PAYMENT_CODE));
                if (late.status() != org.medkiosk.hospital.PaymentStatus.CLOSED) {
                    return fail("a $pay after the close answered " + late.status());
                }
            } catch (BackendException.Conflict refused) {
                // refused with 409: also correct
            }
            String reverseKey = "check-" + UUID.randomUUID();
            PaymentResult p = backend.pay(new PaymentRequest(reverseKey, pid, List.of(), Money.ofYuan("0.01"),
                    PaymentMethod.WECHAT_PAY, TEST_PAYMENT_CODE));
            PaymentResult r = backend.reversePayment(reverseKey);
            return "unknown key closed, a late $pay refused; " + p.status() + " reversed: " + r.status();
        });
        custom("deposit", () -> {
            String account = backend.balance(pid).accountId();
            return backend.topUp(new TopUpRequest("check-" + UUID.randomUUID(), account, Money.ofYuan("0.01"),
                    PaymentMethod.WECHAT_PAY, TEST_PAYMENT_CODE)).status().toString();
        });
        custom("mark-printed", () -> {
            Optional<ReportSummary> printable = reports.stream().filter(ReportSummary::printable).findFirst();
            if (printable.isEmpty()) {
                return "skipped: no printable report";
            }
            backend.markPrinted(printable.get().id(), "check-" + UUID.randomUUID());
            return "recorded";
        });
    }

    private static boolean found(FhirHospitalBackend backend, PatientQuery query, String patientId) {
        return backend.findPatients(query).stream().anyMatch(p -> p.id().equals(patientId));
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
        print(String.format("%s  %-62s %s", verdict, name, detail));
    }
}
