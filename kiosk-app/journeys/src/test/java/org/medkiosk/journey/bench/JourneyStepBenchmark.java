package org.medkiosk.journey.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.medkiosk.demohospital.DemoHospital;
import org.medkiosk.demohospital.DemoRoster;
import org.medkiosk.demohospital.PaymentBehaviour;
import org.medkiosk.device.link.InMemoryLink;
import org.medkiosk.device.link.LinkPair;
import org.medkiosk.device.receipt.PrintResult;
import org.medkiosk.device.receipt.PrinterSimulator;
import org.medkiosk.device.receipt.ReceiptPrinter;
import org.medkiosk.fhir.FhirHospitalBackend;
import org.medkiosk.fhir.FhirSettings;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.IdentifierKind;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.hospital.Money;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.hospital.PaymentMethod;
import org.medkiosk.journal.CrashPoint;
import org.medkiosk.journey.JourneyEngine;
import org.medkiosk.journey.JourneySettings;
import org.medkiosk.journey.PatientSession;
import org.medkiosk.journey.cancel.CancelBookingJourney;
import org.medkiosk.journey.cancel.CancelBookingState;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.journey.pay.PayBillsJourney;
import org.medkiosk.journey.payment.PaymentRules;
import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.journey.register.RegistrationJourney;
import org.medkiosk.journey.register.RegistrationState;
import org.medkiosk.journey.topup.TopUpJourney;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.receipt.Letterhead;
import org.medkiosk.print.receipt.ReceiptTemplates;

/**
 * Software time per journey step: the wall time of each patient action minus the time spent inside backend calls
 * (HTTP to the demo hospital on loopback, and the hospital's own work) and inside the printer driver's write to the
 * simulated printer (the wire). What remains is the kiosk's own work for that step: journal writes (SQLite, WAL,
 * synchronous=FULL, so an fsync per write), state building, receipt rendering. Prints one table.
 *
 * <pre>mvn -q -pl kiosk-app/journeys test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.medkiosk.journey.bench.JourneyStepBenchmark -Dexec.args=100</pre>
 */
public final class JourneyStepBenchmark {
    private static long backendNanos;
    private static long printerNanos;
    private static final Map<String, List<Long>> samples = new LinkedHashMap<>();
    private static final Map<String, Long> backendCalls = new LinkedHashMap<>();
    private static long calls;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path data = Files.createTempDirectory("journey-bench");
        try (DemoHospital hospital = DemoHospital.start(0);
             FhirHospitalBackend fhir = new FhirHospitalBackend(FhirSettings.of(hospital.baseUrl()))) {
            HospitalBackend timed = timed(fhir);
            PrinterSimulator printer = new PrinterSimulator(1_000_000, 0);
            LinkPair paper = InMemoryLink.pair("bench-printer");
            Thread t = new Thread(() -> {
                try {
                    printer.runOn(paper.device());
                } catch (Exception e) {
                    // closed at the end
                }
            });
            t.setDaemon(true);
            t.start();
            ReceiptPrinter receipts = new ReceiptPrinter(paper.host(), true, Duration.ofSeconds(2));
            Letterhead letterhead = new Letterhead(LocalizedText.of("示范医院", "Demo Hospital"), null, null, "BENCH", null);
            try (JourneyEngine engine = JourneyEngine.open(new JourneyEngine.Parts(data, timed,
                    Optional.of(page -> timedPrint(receipts, page)),
                    locale -> new ReceiptTemplates(letterhead, PrinterProfile.EPSON_80, locale), TaskExecutor.synchronous(),
                    java.time.Clock.systemDefaultZone(), PaymentRules.standard(), d -> Thread.sleep(d.toMillis()),
                    JourneySettings.defaults(), CrashPoint.none()))) {
                Patient patient = fhir.findPatient(new PatientIdentifier(IdentifierKind.RESIDENT_ID,
                        DemoRoster.patient(1).idNumber())).orElseThrow();
                WalletCode code = new WalletCode(PaymentBehaviour.INSTANT_SUCCESS.sampleCode(), PaymentMethod.WECHAT_PAY);
                for (int round = 0; round < rounds + 10; round++) {
                    boolean warm = round >= 10; // the first rounds load classes and warm the JIT
                    hospital.issueInvoice(patient.id(), Money.ofYuan("12.50"));
                    PatientSession session = new PatientSession(patient, () -> Locale.SIMPLIFIED_CHINESE);

                    PayBillsJourney pay = engine.payBills(session);
                    step(warm, "pay: list bills (grouped by visit)", pay::start);
                    step(warm, "pay: choose wallet", pay::payByWallet);
                    step(warm, "pay: code → paid + receipt", () -> pay.codeScanned(code));

                    TopUpJourney top = engine.topUp(session);
                    step(warm, "top up: balance and presets", top::start);
                    step(warm, "top up: code → paid + receipt", () -> {
                        top.choosePreset(Money.ofYuan("50"));
                        top.codeScanned(code);
                    });

                    RegistrationJourney reg = engine.registration(session);
                    step(warm, "register: departments", reg::start);
                    String dep = ((RegistrationState.Departments) reg.state()).departments().get(round % 3).id();
                    step(warm, "register: doctors of a department", () -> reg.chooseDepartment(dep));
                    var doctors = (RegistrationState.Doctors) reg.state();
                    reg.chooseDay(doctors.days().get(1 + round % 7));
                    doctors = (RegistrationState.Doctors) reg.state();
                    String doc = doctors.doctors().get(round % doctors.doctors().size()).id();
                    step(warm, "register: periods of a doctor", () -> reg.chooseDoctor(doc));
                    if (!(reg.state() instanceof RegistrationState.Periods periods) || periods.slots().isEmpty()) {
                        continue;
                    }
                    reg.chooseSlot(periods.slots().get(0).id());
                    step(warm, "register: confirm → hold", reg::confirm);
                    step(warm, "register: code → paid, booked + slip", () -> reg.codeScanned(code));

                    CancelBookingJourney cancel = engine.cancelBooking(session);
                    step(warm, "cancel: my bookings", cancel::start);
                    if (cancel.state() instanceof CancelBookingState.Bookings list) {
                        String booked = reg.state() instanceof RegistrationState.Booked b ? b.appointment().id()
                                : list.bookings().get(0).id();
                        cancel.choose(booked);
                        step(warm, "cancel: confirm → cancelled, refunded + notice", cancel::confirm);
                    }
                    session.end();
                }
            }
            receipts.close();
            printer.close();
        }
        print(rounds);
    }

    private static void step(boolean record, String name, Runnable action) {
        long b0 = backendNanos;
        long p0 = printerNanos;
        long c0 = calls;
        long t0 = System.nanoTime();
        action.run();
        long wall = System.nanoTime() - t0;
        long software = wall - (backendNanos - b0) - (printerNanos - p0);
        if (record) {
            samples.computeIfAbsent(name, k -> new ArrayList<>()).add(software);
            backendCalls.merge(name, calls - c0, Long::sum);
        }
    }

    private static void print(int rounds) {
        System.out.printf("%n%-48s %8s %8s %8s %8s%n", "journey step (software time, backend and wire excluded)", "p50 µs",
                "p95 µs", "max µs", "calls");
        samples.forEach((name, list) -> {
            List<Long> sorted = new ArrayList<>(list);
            sorted.sort(Long::compare);
            System.out.printf("%-48s %8d %8d %8d %8.1f%n", name, sorted.get(sorted.size() / 2) / 1000,
                    sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.95))) / 1000,
                    sorted.get(sorted.size() - 1) / 1000, backendCalls.get(name) / (double) list.size());
        });
        System.out.printf("(%d rounds after 10 warm-up rounds; calls = backend calls per step)%n", rounds);
    }

    private static PrintResult timedPrint(ReceiptPrinter printer, byte[] page) {
        long t0 = System.nanoTime();
        try {
            return printer.print(page);
        } finally {
            printerNanos += System.nanoTime() - t0;
        }
    }

    private static HospitalBackend timed(HospitalBackend target) {
        InvocationHandler h = (proxy, method, args) -> {
            long t0 = System.nanoTime();
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                backendNanos += System.nanoTime() - t0;
                calls++;
            }
        };
        return (HospitalBackend) Proxy.newProxyInstance(HospitalBackend.class.getClassLoader(),
                new Class<?>[]{HospitalBackend.class}, h);
    }
}
