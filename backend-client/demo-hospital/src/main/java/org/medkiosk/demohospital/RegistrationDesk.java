package org.medkiosk.demohospital;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;

/**
 * The registration desk (挂号处): holds numbers in a slot while the patient pays, books them, cancels them, and
 * checks patients in to the queue. Every change is keyed by the kiosk's idempotency key: a repeated call gets the
 * first call's answer.
 */
final class RegistrationDesk {
    private final HospitalRecords records;
    private final Clock clock;
    private final Duration holdFor;
    private final Cashier cashier;
    private final Map<String, String> holdsByKey = new HashMap<>();
    /** What each key was first used for, per operation: a key reused for something else is a 422. */
    private final Map<String, String> bookKeys = new HashMap<>();
    private final Map<String, String> cancelKeys = new HashMap<>();
    private final Map<String, String> checkInKeys = new HashMap<>();
    private final Map<String, Integer> checkedInByDoctorDay = new HashMap<>();
    private final java.util.Set<String> takenSlots = new java.util.HashSet<>();

    RegistrationDesk(HospitalRecords records, Clock clock, Duration holdFor, Cashier cashier) {
        this.records = records;
        this.clock = clock;
        this.holdFor = holdFor;
        this.cashier = cashier;
    }

    /** Refuses a key already used for a different request of the same operation (HTTP 422). */
    static void sameContent(Map<String, String> used, String key, String content, String operation) {
        String first = used.putIfAbsent(key, content);
        if (first != null && !first.equals(content)) {
            throw Problems.businessRule("idempotency key already used for a different " + operation);
        }
    }

    Parameters hold(String patientId, String slotId, String key) {
        return records.atomically(() -> {
            releaseExpiredHolds();
            String existing = holdsByKey.get(key);
            if (existing != null) {
                Appointment a = records.get(Appointment.class, existing).orElseThrow();
                String heldFor = a.getParticipant().stream().map(p -> p.getActor().getReferenceElement())
                        .filter(r -> "Patient".equals(r.getResourceType())).map(r -> r.getIdPart()).findFirst().orElse(null);
                if (!patientId.equals(heldFor) || !slotId.equals(a.getSlotFirstRep().getReferenceElement().getIdPart())) {
                    throw Problems.businessRule("idempotency key already used for a different hold");
                }
                return holdAnswer(a);
            }
            records.get(Patient.class, patientId).orElseThrow(() -> Problems.notFound("unknown patient"));
            Slot slot = records.get(Slot.class, slotId).orElseThrow(() -> Problems.notFound("unknown slot"));
            if (!slot.getEnd().toInstant().isAfter(clock.instant())) {
                throw Problems.businessRule("the slot is over");
            }
            takeNumber(slot);
            Schedule schedule = records.get(Schedule.class, slot.getSchedule().getReferenceElement().getIdPart()).orElseThrow();
            String doctorId = schedule.getActor().get(0).getReferenceElement().getIdPart();
            HospitalSeed.Doc d = HospitalSeed.doctor(doctorId);
            HospitalSeed.Dept dept = HospitalSeed.dept(d.dept());
            Appointment a = new Appointment();
            a.setStatus(Appointment.AppointmentStatus.PENDING);
            a.setStart(slot.getStart());
            a.setEnd(slot.getEnd());
            a.addSlot(new Reference("Slot/" + slotId));
            a.setCreated(Date.from(clock.instant()));
            a.addIdentifier().setSystem(Ext.IDEMPOTENCY_KEY).setValue(key); // the hold key: one booking per key
            a.addParticipant().setActor(new Reference("Patient/" + patientId)).setStatus(Appointment.ParticipationStatus.ACCEPTED);
            a.addParticipant().setActor(new Reference("PractitionerRole/" + doctorId)
                    .setDisplayElement(Bilingual.text(d.zh(), d.en()))).setStatus(Appointment.ParticipationStatus.ACCEPTED);
            a.addParticipant().setActor(new Reference("Location/room-" + d.room())
                            .setDisplayElement(Bilingual.text(d.room() + "诊室", "Room " + d.room())))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
            Ext.set(a, Ext.DEPARTMENT, new Reference("Organization/" + dept.id()).setDisplayElement(Bilingual.text(dept.zh(), dept.en())));
            Ext.set(a, Ext.REGISTRATION_FEE, Ext.cny(d.title().feeFen()));
            Ext.set(a, Ext.HOLD_EXPIRES, new InstantType(Date.from(clock.instant().plus(holdFor))));
            records.put(a);
            holdsByKey.put(key, a.getIdElement().getIdPart());
            return holdAnswer(a);
        });
    }

    private Parameters holdAnswer(Appointment a) {
        Parameters out = new Parameters();
        out.addParameter().setName("appointment").setResource(present(a));
        records.get(Slot.class, a.getSlotFirstRep().getReferenceElement().getIdPart())
                .ifPresent(s -> out.addParameter().setName("slot").setResource(s));
        return out;
    }

    Appointment book(String appointmentId, String key) {
        return records.atomically(() -> present(bookOnce(appointmentId, key)));
    }

    private Appointment bookOnce(String appointmentId, String key) {
        {
            releaseExpiredHolds();
            Appointment a = records.get(Appointment.class, appointmentId)
                    .orElseThrow(() -> Problems.notFound("unknown appointment"));
            sameContent(bookKeys, key, appointmentId, "booking");
            switch (a.getStatus()) {
                case BOOKED, ARRIVED, FULFILLED -> {
                    return a;
                }
                case PENDING -> {
                    a.setStatus(Appointment.AppointmentStatus.BOOKED);
                    a.getExtension().removeIf(e -> Ext.HOLD_EXPIRES.equals(e.getUrl()));
                    return a;
                }
                case CANCELLED -> {
                    if (!"hold expired".equals(a.getCancelationReason().getText())) {
                        throw Problems.conflict("the appointment was cancelled");
                    }
                    // The hold lapsed while the patient paid: book anyway if a number is still free.
                    Slot slot = records.get(Slot.class, a.getSlotFirstRep().getReferenceElement().getIdPart()).orElseThrow();
                    takeNumber(slot);
                    a.setStatus(Appointment.AppointmentStatus.BOOKED);
                    a.setCancelationReason(null);
                    a.getExtension().removeIf(e -> Ext.CANCELLED_AT.equals(e.getUrl()));
                    return a;
                }
                default -> throw Problems.conflict("the appointment cannot be booked in its state");
            }
        }
    }

    /**
     * Cancels (a standard update setting status=cancelled). {@code key}, from the Idempotency-Key header, may be null
     * for a client that sends none; a key reused for another appointment is a 422.
     */
    Appointment cancel(Appointment update, String key) {
        return records.atomically(() -> {
            String id = update.getIdElement().getIdPart();
            Appointment a = records.get(Appointment.class, id).orElseThrow(() -> Problems.notFound("unknown appointment"));
            if (key != null) {
                sameContent(cancelKeys, key, id, "cancellation");
            }
            return present(cancelOnce(a, update));
        });
    }

    private Appointment cancelOnce(Appointment a, Appointment update) {
        {
            if (update.getStatus() != Appointment.AppointmentStatus.CANCELLED) {
                if (update.getStatus() == a.getStatus()) {
                    return a; // nothing changed
                }
                throw Problems.businessRule("the kiosk may only cancel an appointment");
            }
            switch (a.getStatus()) {
                case CANCELLED -> {
                    return a;
                }
                case PENDING, BOOKED, PROPOSED -> {
                    boolean wasHeld = a.getStatus() == Appointment.AppointmentStatus.PENDING;
                    a.setStatus(Appointment.AppointmentStatus.CANCELLED);
                    a.setCancelationReason(new CodeableConcept().setText(
                            update.hasCancelationReason() ? update.getCancelationReason().getText() : "patient"));
                    Ext.set(a, Ext.CANCELLED_AT, new InstantType(Date.from(clock.instant())));
                    a.getExtension().removeIf(e -> Ext.HOLD_EXPIRES.equals(e.getUrl()) && wasHeld);
                    records.get(Slot.class, a.getSlotFirstRep().getReferenceElement().getIdPart()).ifPresent(this::returnNumber);
                    return a;
                }
                default -> throw Problems.conflict("an appointment that has started cannot be cancelled");
            }
        }
    }

    /**
     * Brings the computed {@code refundable} extension up to date before an appointment leaves the hospital: its
     * fee is refundable when a kiosk payment paid it and still stands, and it is (or was cancelled) before its
     * period started and it was never checked in.
     */
    Appointment present(Appointment a) {
        var keyExt = a.getExtensionByUrl(Ext.PAYMENT_KEY);
        String key = keyExt != null && keyExt.getValue() instanceof org.hl7.fhir.r4.model.StringType st ? st.getValue() : null;
        boolean paid = cashier.charged(key);
        Instant start = a.getStart() == null ? Instant.MIN : a.getStart().toInstant();
        boolean refundable = switch (a.getStatus()) {
            case PENDING, BOOKED, PROPOSED -> paid && clock.instant().isBefore(start);
            case CANCELLED -> {
                var at = a.getExtensionByUrl(Ext.CANCELLED_AT);
                Instant when = at != null && at.getValue() instanceof InstantType t ? t.getValue().toInstant() : null;
                yield paid && when != null && when.isBefore(start);
            }
            default -> false;
        };
        Ext.set(a, Ext.REFUNDABLE, new org.hl7.fhir.r4.model.BooleanType(refundable));
        return a;
    }

    /**
     * Lever: someone at the counter takes every number left in the slot, and every number a lapsing or cancelled
     * hold gives back later (holds still running keep theirs; a lapsed hold's $book is then a 409).
     */
    Slot takeAll(String slotId) {
        return records.atomically(() -> {
            Slot slot = records.get(Slot.class, slotId).orElseThrow(() -> Problems.notFound("unknown slot"));
            takenSlots.add(slotId);
            Ext.set(slot, Ext.SLOT_REMAINING, new IntegerType(0));
            slot.setStatus(Slot.SlotStatus.BUSY);
            return slot;
        });
    }

    /** Lever: every hold lapses now (the numbers go back to their slots), as if the patients had paid too slowly. */
    int expireHolds() {
        return records.atomically(() -> {
            int n = 0;
            for (Appointment a : records.find(Appointment.class, x -> x.getStatus() == Appointment.AppointmentStatus.PENDING)) {
                if (a.getExtensionByUrl(Ext.HOLD_EXPIRES) != null) {
                    Ext.set(a, Ext.HOLD_EXPIRES, new InstantType(Date.from(clock.instant())));
                    n++;
                }
            }
            releaseExpiredHolds();
            return n;
        });
    }

    Parameters checkIn(String appointmentId, String key) {
        return records.atomically(() -> {
            Appointment a = records.get(Appointment.class, appointmentId)
                    .orElseThrow(() -> Problems.notFound("unknown appointment"));
            sameContent(checkInKeys, key, appointmentId, "check-in");
            Encounter existing = records.find(Encounter.class, e -> e.getAppointment().stream()
                    .anyMatch(r -> appointmentId.equals(r.getReferenceElement().getIdPart()))).stream().findFirst().orElse(null);
            if (existing != null) {
                return checkInAnswer(a, existing);
            }
            if (a.getStatus() == Appointment.AppointmentStatus.CANCELLED
                    || a.getStatus() == Appointment.AppointmentStatus.NOSHOW) {
                throw Problems.conflict("the appointment was cancelled");
            }
            if (a.getStatus() != Appointment.AppointmentStatus.BOOKED
                    && a.getStatus() != Appointment.AppointmentStatus.ARRIVED) {
                throw Problems.businessRule("only a booked appointment can be checked in");
            }
            LocalDate day = a.getStart().toInstant().atZone(clock.getZone()).toLocalDate();
            if (!day.equals(LocalDate.now(clock))) {
                throw Problems.businessRule("check-in is only possible on the day of the appointment");
            }
            String doctorId = a.getParticipant().stream().map(p -> p.getActor().getReferenceElement())
                    .filter(r -> "PractitionerRole".equals(r.getResourceType())).findFirst().orElseThrow().getIdPart();
            HospitalSeed.Doc d = HospitalSeed.doctor(doctorId);
            HospitalSeed.Dept dept = HospitalSeed.dept(d.dept());
            String counterKey = doctorId + "/" + day;
            int waitingBefore = 2 + Math.floorMod(doctorId.hashCode(), 5); // people already in the waiting area
            int kioskCheckIns = checkedInByDoctorDay.merge(counterKey, 1, Integer::sum);
            int ahead = waitingBefore + kioskCheckIns - 1;
            int seenAlready = 3 + Math.floorMod(doctorId.hashCode(), 7);
            String number = dept.queueLetter() + String.format("%03d", seenAlready + ahead + 1);

            Encounter e = new Encounter();
            e.setStatus(Encounter.EncounterStatus.ARRIVED);
            e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
            e.addIdentifier().setSystem("urn:medkiosk:queue-number").setValue(number);
            e.setSubject(a.getParticipant().stream().map(p -> p.getActor())
                    .filter(r -> "Patient".equals(r.getReferenceElement().getResourceType())).findFirst().orElseThrow().copy());
            e.addAppointment(new Reference("Appointment/" + appointmentId));
            e.setServiceProvider(new Reference("Organization/" + dept.id()).setDisplayElement(Bilingual.text(dept.zh(), dept.en())));
            e.addParticipant().setIndividual(new Reference("PractitionerRole/" + doctorId)
                    .setDisplayElement(Bilingual.text(d.zh(), d.en())));
            e.addLocation().setLocation(new Reference("Location/room-" + d.room())
                    .setDisplayElement(Bilingual.text(d.room() + "诊室", "Room " + d.room())));
            e.setPeriod(new Period().setStart(Date.from(clock.instant())));
            Ext.set(e, Ext.BASE + "patients-ahead", new IntegerType(ahead));
            records.put(e);
            a.setStatus(Appointment.AppointmentStatus.ARRIVED);
            return checkInAnswer(a, e);
        });
    }

    private Parameters checkInAnswer(Appointment a, Encounter e) {
        Parameters out = new Parameters();
        out.addParameter().setName("appointment").setResource(present(a));
        out.addParameter().setName("encounter").setResource(e);
        out.addParameter().setName("patients-ahead").setValue(new IntegerType(Ext.intValue(e, Ext.BASE + "patients-ahead", 0)));
        return out;
    }

    private void takeNumber(Slot slot) {
        int remaining = Ext.intValue(slot, Ext.SLOT_REMAINING, 0);
        if (remaining <= 0) {
            throw Problems.conflict("no numbers left in this slot: it was just taken");
        }
        Ext.set(slot, Ext.SLOT_REMAINING, new IntegerType(remaining - 1));
        slot.setStatus(remaining - 1 > 0 ? Slot.SlotStatus.FREE : Slot.SlotStatus.BUSY);
    }

    private void returnNumber(Slot slot) {
        if (takenSlots.contains(slot.getIdElement().getIdPart())) {
            return; // the number goes straight to the one who took the slot
        }
        int remaining = Ext.intValue(slot, Ext.SLOT_REMAINING, 0) + 1;
        Ext.set(slot, Ext.SLOT_REMAINING, new IntegerType(remaining));
        slot.setStatus(Slot.SlotStatus.FREE);
    }

    private void releaseExpiredHolds() {
        Instant now = clock.instant();
        for (Appointment a : records.find(Appointment.class, x -> x.getStatus() == Appointment.AppointmentStatus.PENDING)) {
            var ext = a.getExtensionByUrl(Ext.HOLD_EXPIRES);
            if (ext != null && ext.getValue() instanceof InstantType t && !t.getValue().toInstant().isAfter(now)) {
                a.setStatus(Appointment.AppointmentStatus.CANCELLED);
                a.setCancelationReason(new CodeableConcept().setText("hold expired"));
                Ext.set(a, Ext.CANCELLED_AT, new InstantType(Date.from(now)));
                records.get(Slot.class, a.getSlotFirstRep().getReferenceElement().getIdPart()).ifPresent(this::returnNumber);
            }
        }
    }
}
