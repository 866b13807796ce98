package org.medkiosk.demohospital;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The demo's levers: what a demo or a test (in this process or another one, over HTTP) pulls to make the hospital
 * do what a real one does at awkward moments. Every operation is named {@code $demo-…}; none is part of the
 * integration contract (backend-client/README.md lists them). The server-level ones live here as a plain provider.
 */
public final class DemoLevers {
    private final HospitalRecords records;
    private final HospitalClock clock;
    private int invoiceSequence;

    DemoLevers(HospitalRecords records, HospitalClock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * {@code POST /fhir/$demo-clock} with {@code advance} (an ISO-8601 duration such as PT6M or -PT1H) and/or
     * {@code set} (an instant such as 2026-11-18T09:00:00+08:00); answers the hospital's {@code now}.
     */
    @Operation(name = "$demo-clock", returnParameters = @OperationParam(name = "now", type = InstantType.class, min = 1))
    public Parameters demoClock(@OperationParam(name = "set") StringType set,
                                @OperationParam(name = "advance") StringType advance) {
        try {
            if (set != null && set.getValue() != null) {
                clock.set(new InstantType(set.getValue()).getValue().toInstant());
            }
            if (advance != null && advance.getValue() != null) {
                clock.advance(Duration.parse(advance.getValue()));
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw Problems.invalid("set must be an instant and advance an ISO-8601 duration (PT6M)");
        }
        Parameters out = new Parameters();
        out.addParameter().setName("now").setValue(new InstantType(Date.from(clock.instant())));
        return out;
    }

    Instant now() {
        return clock.instant();
    }

    void advance(Duration by) {
        clock.advance(by);
    }

    void set(Instant now) {
        clock.set(now);
    }

    /** A fresh unpaid invoice for the patient on a new visit today (内科, doc-22), one line of {@code fen}. */
    Invoice issueInvoice(String patientId, long fen, String description) {
        return records.atomically(() -> {
            records.get(Patient.class, patientId).orElseThrow(() -> Problems.notFound("unknown patient"));
            int n = ++invoiceSequence;
            LocalDate today = LocalDate.now(clock);
            Date at = Date.from(today.atTime(LocalTime.of(10, 30)).atZone(clock.getZone()).toInstant());
            Encounter visit = records.put(HospitalSeed.visit("enc-demo-" + n, patientId, HospitalSeed.doctor("doc-22"), at));
            String zh = description == null || description.isBlank() ? "门诊诊疗费" : description;
            Invoice inv = HospitalSeed.invoiceResource("inv-demo-" + n, patientId, zh,
                    description == null || description.isBlank() ? "Outpatient treatment" : description, at,
                    List.of(new HospitalSeed.Line("诊疗项目", "Treatment", 1, fen)), visit);
            return records.put(inv);
        });
    }

    static Reference ref(String type, String id) {
        return new Reference(type + "/" + id);
    }
}
