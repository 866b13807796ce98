package org.medkiosk.demohospital;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;

/**
 * Fills a fresh {@link HospitalRecords} with the demo hospital (协和示范医院 MedKiosk Demo Hospital): departments,
 * doctors and a week of schedules with number quotas, the roster patients with their appointments, unpaid
 * invoices, prepaid accounts and final reports with PDFs. Deterministic: the same day gives the same hospital.
 */
final class HospitalSeed {
    static final String HOSPITAL_ID = "hospital";
    static final String DEPT_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/organization-type";
    static final String TITLE_SYSTEM = "urn:medkiosk:doctor-title";
    static final String V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    /** A department: id suffix, names, where it is, the queue letter. */
    record Dept(String id, String zh, String en, String whereZh, String whereEn, String queueLetter) {
    }

    /** A title and the registration fee that goes with it (fen). */
    record Title(String code, String zh, String en, long feeFen, int quotaPerPeriod) {
    }

    static final Title CHIEF = new Title("chief", "主任医师", "Chief Physician", 5000, 10);
    static final Title ASSOCIATE = new Title("associate", "副主任医师", "Associate Chief Physician", 3000, 15);
    static final Title ATTENDING = new Title("attending", "主治医师", "Attending Physician", 1500, 20);
    static final Title RESIDENT = new Title("resident", "住院医师", "Resident Physician", 800, 25);

    static final List<Dept> DEPARTMENTS = List.of(
            new Dept("dept-im", "内科", "Internal Medicine", "门诊楼2层A区", "Outpatient Building 2F, Zone A", "A"),
            new Dept("dept-surg", "外科", "General Surgery", "门诊楼2层B区", "Outpatient Building 2F, Zone B", "B"),
            new Dept("dept-ped", "儿科", "Paediatrics", "门诊楼1层C区", "Outpatient Building 1F, Zone C", "C"),
            new Dept("dept-obgyn", "妇产科", "Obstetrics & Gynaecology", "门诊楼3层A区", "Outpatient Building 3F, Zone A", "D"),
            new Dept("dept-eye", "眼科", "Ophthalmology", "门诊楼3层B区", "Outpatient Building 3F, Zone B", "E"),
            new Dept("dept-ent", "耳鼻喉科", "Otolaryngology (ENT)", "门诊楼3层C区", "Outpatient Building 3F, Zone C", "F"),
            new Dept("dept-dent", "口腔科", "Stomatology", "门诊楼4层A区", "Outpatient Building 4F, Zone A", "G"),
            new Dept("dept-derm", "皮肤科", "Dermatology", "门诊楼4层B区", "Outpatient Building 4F, Zone B", "H"),
            new Dept("dept-tcm", "中医科", "Traditional Chinese Medicine", "门诊楼5层A区", "Outpatient Building 5F, Zone A", "J"));

    /** A doctor: role id, practitioner names, title, department, consulting room. */
    record Doc(String id, String zh, String en, Title title, String dept, String room) {
    }

    static final List<Doc> DOCTORS = List.of(
            new Doc("doc-01", "王建华", "WANG Jianhua", CHIEF, "dept-im", "201"),
            new Doc("doc-02", "李明", "LI Ming", ASSOCIATE, "dept-im", "202"),
            new Doc("doc-03", "陈静", "CHEN Jing", ATTENDING, "dept-im", "203"),
            new Doc("doc-04", "刘强", "LIU Qiang", CHIEF, "dept-surg", "211"),
            new Doc("doc-05", "杨帆", "YANG Fan", ATTENDING, "dept-surg", "212"),
            new Doc("doc-06", "赵丽", "ZHAO Li", CHIEF, "dept-ped", "105"),
            new Doc("doc-07", "孙悦", "SUN Yue", ATTENDING, "dept-ped", "106"),
            new Doc("doc-08", "周婷", "ZHOU Ting", RESIDENT, "dept-ped", "107"),
            new Doc("doc-09", "吴芳", "WU Fang", CHIEF, "dept-obgyn", "301"),
            new Doc("doc-10", "郑红", "ZHENG Hong", ASSOCIATE, "dept-obgyn", "302"),
            new Doc("doc-11", "冯伟", "FENG Wei", ASSOCIATE, "dept-eye", "311"),
            new Doc("doc-12", "蒋敏", "JIANG Min", ATTENDING, "dept-eye", "312"),
            new Doc("doc-13", "韩涛", "HAN Tao", CHIEF, "dept-ent", "321"),
            new Doc("doc-14", "曹磊", "CAO Lei", ATTENDING, "dept-ent", "322"),
            new Doc("doc-15", "许晨", "XU Chen", ASSOCIATE, "dept-dent", "401"),
            new Doc("doc-16", "邓洁", "DENG Jie", ATTENDING, "dept-dent", "402"),
            new Doc("doc-17", "萧然", "XIAO Ran", RESIDENT, "dept-dent", "403"),
            new Doc("doc-18", "曾雪", "ZENG Xue", ASSOCIATE, "dept-derm", "411"),
            new Doc("doc-19", "彭飞", "PENG Fei", ATTENDING, "dept-derm", "412"),
            new Doc("doc-20", "苏文", "SU Wen", CHIEF, "dept-tcm", "501"),
            new Doc("doc-21", "叶青", "YE Qing", ATTENDING, "dept-tcm", "502"),
            new Doc("doc-22", "黄海", "HUANG Hai", RESIDENT, "dept-im", "204"));

    /** The slot with exactly one number left (today's afternoon of doc-03, or tomorrow's when today has passed). */
    static final String LAST_NUMBER_DOCTOR = "doc-03";

    private final HospitalRecords records;
    private final ZoneId zone;
    private final LocalDate today;

    HospitalSeed(HospitalRecords records, ZoneId zone, LocalDate today) {
        this.records = records;
        this.zone = zone;
        this.today = today;
    }

    void seed() {
        Organization hospital = new Organization();
        hospital.setId(HOSPITAL_ID);
        hospital.setActive(true);
        hospital.setNameElement(Bilingual.text("协和示范医院", "MedKiosk Demo Hospital"));
        hospital.addType(new CodeableConcept().addCoding(new Coding(DEPT_TYPE_SYSTEM, "prov", "Healthcare Provider")));
        records.put(hospital);
        for (Dept d : DEPARTMENTS) {
            records.put(department(d));
        }
        for (Doc d : DOCTORS) {
            seedDoctor(d);
        }
        for (DemoRoster.Person person : DemoRoster.patients()) {
            records.put(patient(person));
            records.put(account(person));
        }
        seedAppointments();
        seedInvoices();
        seedReportStaff();
        seedKioskStaff();
        seedReports();
        new HospitalGuideSeed(records, zone, today).seed();
    }

    private Organization department(Dept d) {
        Organization o = new Organization();
        o.setId(d.id());
        o.setActive(true);
        o.addType(new CodeableConcept().addCoding(new Coding(DEPT_TYPE_SYSTEM, "dept", "Hospital Department")));
        o.setNameElement(Bilingual.text(d.zh(), d.en()));
        o.setPartOf(new Reference("Organization/" + HOSPITAL_ID));
        o.addAddress().setTextElement(Bilingual.text(d.whereZh(), d.whereEn()));
        o.addIdentifier().setSystem("urn:medkiosk:queue-prefix").setValue(d.queueLetter());
        HospitalGuideSeed.introduce(o, d.id());
        return o;
    }

    static Dept dept(String id) {
        return DEPARTMENTS.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    static Doc doctor(String id) {
        return DOCTORS.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    private void seedDoctor(Doc d) {
        Practitioner p = new Practitioner();
        p.setId("pr-" + d.id());
        p.setActive(true);
        p.addName(new HumanName().setTextElement(Bilingual.text(d.zh(), d.en())));
        p.addPhoto(new Attachment().setContentType("image/png").setUrl("Binary/photo-" + d.id()));
        String[] profile = HospitalGuideSeed.DOCTOR_PROFILES.get(d.id());
        if (profile != null) {
            CodeableConcept degree = new CodeableConcept();
            degree.setTextElement(Bilingual.text(profile[2], profile[3]));
            p.addQualification().setCode(degree);
        }
        records.put(p);

        PractitionerRole role = new PractitionerRole();
        role.setId(d.id());
        role.setActive(true);
        role.setPractitioner(new Reference("Practitioner/pr-" + d.id()).setDisplayElement(Bilingual.text(d.zh(), d.en())));
        Dept dept = dept(d.dept());
        role.setOrganization(new Reference("Organization/" + d.dept()).setDisplayElement(Bilingual.text(dept.zh(), dept.en())));
        CodeableConcept title = new CodeableConcept().addCoding(new Coding(TITLE_SYSTEM, d.title().code(), d.title().en()));
        title.setTextElement(Bilingual.text(d.title().zh(), d.title().en()));
        role.addCode(title);
        role.addLocation(new Reference("Location/room-" + d.room()).setDisplayElement(
                Bilingual.text(d.room() + "诊室", "Room " + d.room())));
        if (profile != null) {
            CodeableConcept specialty = new CodeableConcept();
            specialty.setTextElement(Bilingual.text(profile[0], profile[1]));
            role.addSpecialty(specialty);
        }
        records.put(role);

        Location room = new Location();
        room.setId("room-" + d.room());
        room.setNameElement(Bilingual.text(d.room() + "诊室", "Room " + d.room()));
        room.setManagingOrganization(new Reference("Organization/" + d.dept()));
        HospitalGuideSeed.placeRoom(room, d);
        records.put(room);

        Schedule schedule = new Schedule();
        schedule.setId("sch-" + d.id());
        schedule.setActive(true);
        schedule.addActor(new Reference("PractitionerRole/" + d.id()).setDisplayElement(Bilingual.text(d.zh(), d.en())));
        schedule.addActor(new Reference("Practitioner/pr-" + d.id()));
        schedule.addActor(new Reference("Location/room-" + d.room()));
        schedule.setPlanningHorizon(new org.hl7.fhir.r4.model.Period()
                .setStart(date(today, LocalTime.MIDNIGHT)).setEnd(date(today.plusDays(8), LocalTime.MIDNIGHT)));
        Ext.set(schedule, Ext.REGISTRATION_FEE, Ext.cny(d.title().feeFen()));
        records.put(schedule);

        Random random = new Random(d.id().hashCode());
        List<PractitionerRole.DaysOfWeek> mornings = new ArrayList<>();
        List<PractitionerRole.DaysOfWeek> afternoons = new ArrayList<>();
        for (int day = 0; day <= 7; day++) {
            LocalDate date = today.plusDays(day);
            // Chief physicians do not consult on Sundays; everyone else works a roster of mornings and afternoons.
            if (date.getDayOfWeek() == java.time.DayOfWeek.SUNDAY && d.title() == CHIEF) {
                continue;
            }
            addSlot(d, date, "am", LocalTime.of(8, 0), LocalTime.of(12, 0), random);
            boolean afternoon = random.nextInt(4) != 0 || d.id().equals(LAST_NUMBER_DOCTOR);
            if (afternoon) {
                addSlot(d, date, "pm", LocalTime.of(14, 0), LocalTime.of(17, 30), random);
            }
            if (day < 7) {
                mornings.add(weekday(date));
                if (afternoon) {
                    afternoons.add(weekday(date));
                }
            }
        }
        // The week of the guidance screen (出诊时间) is the roster of the coming seven days, the FHIR way.
        role.addAvailableTime().setDaysOfWeek(weekOrder(mornings))
                .setAvailableStartTime("08:00:00").setAvailableEndTime("12:00:00");
        if (!afternoons.isEmpty()) {
            role.addAvailableTime().setDaysOfWeek(weekOrder(afternoons))
                    .setAvailableStartTime("14:00:00").setAvailableEndTime("17:30:00");
        }
    }

    private static org.hl7.fhir.r4.model.Enumeration<PractitionerRole.DaysOfWeek> day(PractitionerRole.DaysOfWeek d) {
        return new org.hl7.fhir.r4.model.Enumeration<>(new PractitionerRole.DaysOfWeekEnumFactory(), d);
    }

    private static List<org.hl7.fhir.r4.model.Enumeration<PractitionerRole.DaysOfWeek>> weekOrder(
            List<PractitionerRole.DaysOfWeek> days) {
        return days.stream().sorted().map(HospitalSeed::day).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private static PractitionerRole.DaysOfWeek weekday(LocalDate date) {
        return PractitionerRole.DaysOfWeek.values()[date.getDayOfWeek().getValue() - 1];
    }

    private void addSlot(Doc d, LocalDate date, String period, LocalTime start, LocalTime end, Random random) {
        int capacity = d.title().quotaPerPeriod();
        int roll = random.nextInt(10);
        int remaining = roll == 0 ? 0 : roll == 1 ? 1 + random.nextInt(2) : capacity / 2 + random.nextInt(capacity / 2 + 1);
        if (d.id().equals(LAST_NUMBER_DOCTOR) && period.equals("pm") && date.equals(today.plusDays(1))) {
            remaining = 1; // a known slot with one number left: the second hold on it is a 409
        }
        Slot s = new Slot();
        s.setId(slotId(d.id(), date, period));
        s.setSchedule(new Reference("Schedule/sch-" + d.id()));
        s.setStart(date(date, start));
        s.setEnd(date(date, end));
        s.setStatus(remaining > 0 ? Slot.SlotStatus.FREE : Slot.SlotStatus.BUSY);
        s.addServiceType(new CodeableConcept().setTextElement(Bilingual.text("门诊挂号", "Outpatient registration")));
        Ext.set(s, Ext.SLOT_CAPACITY, new IntegerType(capacity));
        Ext.set(s, Ext.SLOT_REMAINING, new IntegerType(remaining));
        Ext.set(s, Ext.REGISTRATION_FEE, Ext.cny(d.title().feeFen()));
        records.put(s);
    }

    static String slotId(String doctorId, LocalDate date, String period) {
        return "slot-" + doctorId + "-" + date.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "-" + period;
    }

    private Date date(LocalDate day, LocalTime time) {
        return Date.from(ZonedDateTime.of(day, time, zone).toInstant());
    }

    static Patient patient(DemoRoster.Person person) {
        Patient p = new Patient();
        p.setId(person.patientId());
        p.setActive(true);
        p.addIdentifier(new Identifier().setSystem(person.idSystem()).setValue(person.idNumber()));
        if (person.insuranceCardNo() != null) {
            p.addIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_INSURANCE_CARD).setValue(person.insuranceCardNo()));
        }
        p.addIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_INSURANCE_VOUCHER).setValue(person.insuranceVoucherQr()));
        p.addIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_PATIENT_CARD).setValue(person.patientCardBarcode()));
        p.addIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_PATIENT_CARD_UID).setValue(person.patientCardUid()));
        p.addIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_MRN).setValue(person.medicalRecordNumber())
                .setType(new CodeableConcept().addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number"))));
        // The e-health token is opaque to the kiosk: the hospital accepts the whole QR payload and its hex part.
        p.addIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_EHEALTH_CARD).setValue(person.ehealthCardQr()));
        p.addIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_EHEALTH_CARD)
                .setValue(DemoRoster.ehealthCardToken(person.number())));
        p.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setText(person.nameZh()));
        p.addName(new HumanName().setUse(HumanName.NameUse.USUAL).setText(person.nameEn()));
        p.setGender(switch (person.sex()) {
            case MALE -> AdministrativeGender.MALE;
            case FEMALE -> AdministrativeGender.FEMALE;
            default -> AdministrativeGender.UNKNOWN;
        });
        p.setBirthDateElement(new DateType(person.birthDate().toString()));
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE)
                .setValue(person.phone());
        if (person.number() == DemoRoster.GRANDCHILD) {
            // A child registered with the mobile of the grandmother who brings her: a phone search finds both.
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.HOME)
                    .setValue(DemoRoster.SHARED_FAMILY_PHONE);
        }
        if (person.address() != null) {
            p.addAddress().setText(person.address());
        }
        return p;
    }

    /** Prepaid balances: patient 1 ¥200, 2 ¥0, 3 ¥50, then ¥10 × N. */
    private static Account account(DemoRoster.Person person) {
        Account a = new Account();
        a.setId("acct-" + person.number());
        a.setStatus(Account.AccountStatus.ACTIVE);
        a.setNameElement(Bilingual.text("就诊卡预交金", "Patient card prepaid account"));
        a.addSubject(new Reference("Patient/" + person.patientId()));
        a.addIdentifier().setSystem(DemoRoster.SYSTEM_PATIENT_CARD).setValue(person.patientCardBarcode());
        long fen = switch (person.number()) {
            case 1 -> 20000;
            case 2 -> 0;
            case 3 -> 5000;
            default -> 1000L * person.number();
        };
        Ext.set(a, Ext.ACCOUNT_BALANCE, Ext.cny(fen));
        return a;
    }

    private void seedAppointments() {
        // patient 1: booked with 内科 王建华 this morning (checks in), and with 眼科 next week
        appointment("apt-1", 1, "doc-01", today, "am", Appointment.AppointmentStatus.BOOKED);
        appointment("apt-2", 1, "doc-12", today.plusDays(6), "am", Appointment.AppointmentStatus.BOOKED);
        // patient 2: two appointments today; patient 3: paediatrics today; patient 4 already arrived
        appointment("apt-3", 2, "doc-02", today, "am", Appointment.AppointmentStatus.BOOKED);
        appointment("apt-4", 2, "doc-13", today, "pm", Appointment.AppointmentStatus.BOOKED);
        appointment("apt-5", 3, "doc-06", today, "am", Appointment.AppointmentStatus.BOOKED);
        appointment("apt-6", 4, "doc-04", today, "am", Appointment.AppointmentStatus.ARRIVED);
        appointment("apt-7", 6, "doc-09", today.plusDays(1), "am", Appointment.AppointmentStatus.BOOKED);
        appointment("apt-8", 7, "doc-20", today, "pm", Appointment.AppointmentStatus.BOOKED);
        appointment("apt-9", 9, "doc-11", today, "am", Appointment.AppointmentStatus.BOOKED);
        appointment("apt-10", 10, "doc-18", today, "pm", Appointment.AppointmentStatus.BOOKED);
        appointment("apt-11", 5, "doc-05", today, "am", Appointment.AppointmentStatus.CANCELLED);
        // "my bookings": patient 2 next weekend-ish (paid at a kiosk, refundable), patient 3 paid at the counter
        appointment("apt-12", 2, "doc-15", today.plusDays(3), "am", Appointment.AppointmentStatus.BOOKED);
        appointment("apt-13", 3, "doc-07", today.plusDays(2), "am", Appointment.AppointmentStatus.BOOKED);
    }

    /**
     * Future bookings whose registration fee a kiosk paid before the demo started: appointment id → the $pay key.
     * The cashier holds the charge (DemoHospital seeds it), so cancelling one and refunding its key works. apt-13
     * was paid in cash at the counter: no key, not refundable at a kiosk.
     */
    static final java.util.Map<String, String> PAID_AT_KIOSK = java.util.Map.of(
            "apt-2", "seed-fee-apt-2", "apt-7", "seed-fee-apt-7", "apt-12", "seed-fee-apt-12");

    /** The patient of a seeded appointment (pat-N). */
    String patientOf(String appointmentId) {
        Appointment a = records.get(Appointment.class, appointmentId).orElseThrow();
        return a.getParticipantFirstRep().getActor().getReferenceElement().getIdPart();
    }

    private void appointment(String id, int patient, String doctorId, LocalDate day, String period,
                             Appointment.AppointmentStatus status) {
        Doc d = doctor(doctorId);
        Dept dept = dept(d.dept());
        Appointment a = new Appointment();
        a.setId(id);
        a.setStatus(status);
        boolean am = period.equals("am");
        a.setStart(date(day, am ? LocalTime.of(8, 0) : LocalTime.of(14, 0)));
        a.setEnd(date(day, am ? LocalTime.of(12, 0) : LocalTime.of(17, 30)));
        a.addSlot(new Reference("Slot/" + slotId(doctorId, day, period)));
        ensureSlot(d, day, period);
        a.setCreated(date(day.minusDays(3), LocalTime.of(9, 30)));
        a.addParticipant().setActor(new Reference("Patient/pat-" + patient))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        a.addParticipant().setActor(new Reference("PractitionerRole/" + doctorId)
                        .setDisplayElement(Bilingual.text(d.zh(), d.en())))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        a.addParticipant().setActor(new Reference("Location/room-" + d.room())
                        .setDisplayElement(Bilingual.text(d.room() + "诊室", "Room " + d.room())))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        Ext.set(a, Ext.DEPARTMENT, new Reference("Organization/" + dept.id()).setDisplayElement(Bilingual.text(dept.zh(), dept.en())));
        Ext.set(a, Ext.REGISTRATION_FEE, Ext.cny(d.title().feeFen()));
        records.put(a);
    }

    /**
     * A seeded appointment's slot exists even when that doctor's roster has no free period then (a Sunday, an
     * afternoon off): as a full slot, so the appointment's reference never dangles and nobody can book it.
     */
    private void ensureSlot(Doc d, LocalDate day, String period) {
        if (records.get(Slot.class, slotId(d.id(), day, period)).isPresent()) {
            return;
        }
        boolean am = period.equals("am");
        Slot s = new Slot();
        s.setId(slotId(d.id(), day, period));
        s.setSchedule(new Reference("Schedule/sch-" + d.id()));
        s.setStart(date(day, am ? LocalTime.of(8, 0) : LocalTime.of(14, 0)));
        s.setEnd(date(day, am ? LocalTime.of(12, 0) : LocalTime.of(17, 30)));
        s.setStatus(Slot.SlotStatus.BUSY);
        s.addServiceType(new CodeableConcept().setTextElement(Bilingual.text("门诊挂号", "Outpatient registration")));
        Ext.set(s, Ext.SLOT_CAPACITY, new IntegerType(d.title().quotaPerPeriod()));
        Ext.set(s, Ext.SLOT_REMAINING, new IntegerType(0));
        Ext.set(s, Ext.REGISTRATION_FEE, Ext.cny(d.title().feeFen()));
        records.put(s);
    }

    /** The laboratory and radiology staff the reports name as performer and interpreter. */
    private void seedReportStaff() {
        String[][] staff = {{"pr-lab", "马立", "MA Li"}, {"pr-lab2", "何静", "HE Jing"}, {"pr-rad", "孔磊", "KONG Lei"},
                {"pr-rad2", "唐雪梅", "TANG Xuemei"}};
        for (String[] s : staff) {
            Practitioner p = new Practitioner();
            p.setId(s[0]);
            p.setActive(true);
            p.addName(new HumanName().setTextElement(Bilingual.text(s[1], s[2])));
            records.put(p);
        }
    }

    /** FHIR's practitioner-role code system: {@code nurse}, and {@code ict} for the technicians who keep kiosks running. */
    static final String PRACTITIONER_ROLE = "http://terminology.hl7.org/CodeSystem/practitioner-role";

    /**
     * The staff who sign in at a kiosk ({@link DemoStaff}): a Practitioner with two identifiers (staff number,
     * typed v2-0203 EI; staff card number) and a PractitionerRole saying what they do. The roles belong to the
     * hospital, not to a department: the kiosk lists a department's PractitionerRoles as its doctors.
     */
    private void seedKioskStaff() {
        for (DemoStaff.Person s : DemoStaff.everyone()) {
            Practitioner p = new Practitioner();
            p.setId(s.practitionerId());
            p.setActive(s.active());
            p.addIdentifier(new Identifier().setSystem(DemoStaff.SYSTEM_STAFF_NUMBER).setValue(s.staffNumber())
                    .setType(new CodeableConcept().addCoding(new Coding(
                            "http://terminology.hl7.org/CodeSystem/v2-0203", "EI", "Employee number"))));
            p.addIdentifier(new Identifier().setSystem(DemoStaff.SYSTEM_STAFF_CARD).setValue(s.staffCardNumber()));
            p.addName(new HumanName().setTextElement(Bilingual.text(s.nameZh(), s.nameEn())));
            records.put(p);

            boolean nurse = s.role() == org.medkiosk.hospital.StaffRole.NURSE;
            PractitionerRole role = new PractitionerRole();
            role.setId("role-" + s.staffNumber());
            role.setActive(s.active());
            role.setPractitioner(new Reference("Practitioner/" + s.practitionerId())
                    .setDisplayElement(Bilingual.text(s.nameZh(), s.nameEn())));
            role.setOrganization(new Reference("Organization/" + HOSPITAL_ID));
            CodeableConcept code = new CodeableConcept().addCoding(new Coding(PRACTITIONER_ROLE,
                    nurse ? "nurse" : "ict", nurse ? "Nurse" : "ICT professional"));
            code.setTextElement(nurse ? Bilingual.text("护士", "Nurse") : Bilingual.text("设备工程师", "Technician"));
            role.addCode(code);
            records.put(role);
        }
    }

    record Line(String zh, String en, int quantity, long unitFen) {
    }

    private void seedInvoices() {
        // every bill belongs to a visit (Encounter): patient 1's two bills of today share one
        visit("enc-v1", 1, "doc-01", today);
        visit("enc-v2", 2, "doc-02", today.minusDays(1));
        visit("enc-v3", 3, "doc-06", today);
        visit("enc-v4", 4, "doc-20", today);
        visit("enc-v5", 9, "doc-11", today);
        visit("enc-v6", 10, "doc-18", today);
        visit("enc-v7", 1, "doc-01", today.minusDays(3));
        invoice("inv-1", 1, "门诊西药费", "Outpatient western medicine", today,
                new Line("阿莫西林胶囊 0.25g×24粒", "Amoxicillin capsules 0.25 g x24", 2, 1850),
                new Line("布洛芬缓释胶囊 0.3g×20粒", "Ibuprofen SR capsules 0.3 g x20", 1, 2260));
        invoice("inv-2", 1, "检验费", "Laboratory tests", today,
                new Line("血常规（五分类）", "Complete blood count (5-part)", 1, 2500),
                new Line("C反应蛋白", "C-reactive protein", 1, 3000));
        invoice("inv-3", 2, "检查费", "Imaging examination", today.minusDays(1),
                new Line("胸部CT平扫", "Chest CT, plain scan", 1, 32000),
                new Line("影像胶片", "Imaging film", 2, 1500));
        invoice("inv-4", 3, "儿科诊疗费", "Paediatric treatment", today,
                new Line("雾化吸入治疗", "Nebuliser treatment", 3, 1200),
                new Line("小儿氨酚黄那敏颗粒", "Paediatric paracetamol granules", 1, 1580));
        invoice("inv-5", 4, "中药饮片费", "Chinese herbal medicine", today,
                new Line("中药饮片（7剂）", "Herbal decoction pieces (7 doses)", 7, 4630));
        invoice("inv-6", 9, "门诊诊疗费", "Outpatient treatment", today,
                new Line("眼压测量", "Intraocular pressure test", 1, 1000),
                new Line("裂隙灯检查", "Slit-lamp examination", 1, 1500));
        invoice("inv-7", 10, "皮肤科治疗费", "Dermatology treatment", today,
                new Line("冷冻治疗", "Cryotherapy", 2, 6000));
        Invoice paid = invoiceResource("inv-8", "pat-1", "挂号费", "Registration fee", date(today.minusDays(3), LocalTime.of(10, 15)),
                List.of(new Line("主任医师挂号费", "Chief physician registration", 1, 5000)),
                records.get(org.hl7.fhir.r4.model.Encounter.class, "enc-v7").orElseThrow());
        paid(paid, date(today.minusDays(3), LocalTime.of(10, 32)), "WX" + today.minusDays(3).format(
                java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "103200000008");
        // a second paid bill, of patient 2 ten days ago (fee details and paid history)
        visit("enc-v8", 2, "doc-02", today.minusDays(10));
        Invoice paid2 = invoiceResource("inv-9", "pat-2", "检验费", "Laboratory tests",
                date(today.minusDays(10), LocalTime.of(10, 15)),
                List.of(new Line("肝功能", "Liver function panel", 1, 6000),
                        new Line("静脉采血", "Venous blood collection", 1, 500)),
                records.get(org.hl7.fhir.r4.model.Encounter.class, "enc-v8").orElseThrow());
        paid(paid2, date(today.minusDays(10), LocalTime.of(10, 40)), "ZFB" + today.minusDays(10).format(
                java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "104000000009");
    }

    /** A bill paid before the demo started: balanced, with when and the wallet's transaction number. */
    private void paid(Invoice inv, Date at, String transaction) {
        inv.setStatus(Invoice.InvoiceStatus.BALANCED);
        Ext.set(inv, Ext.PAID_AT, new DateTimeType(at));
        Ext.set(inv, Ext.PAYMENT_TRANSACTION, new StringType(transaction));
        records.put(inv);
    }

    /** The visit of this patient with this doctor on that day (seeded as enc-v1..); the invoices point at it. */
    private final java.util.Map<String, org.hl7.fhir.r4.model.Encounter> visitsByPatientDay = new java.util.HashMap<>();

    private void visit(String id, int patient, String doctorId, LocalDate day) {
        org.hl7.fhir.r4.model.Encounter e = records.put(visit(id, "pat-" + patient, doctor(doctorId), date(day, LocalTime.of(9, 10))));
        visitsByPatientDay.put("pat-" + patient + "/" + day, e);
    }

    /** A finished outpatient visit: date, department (serviceProvider), doctor (participant), room. */
    static org.hl7.fhir.r4.model.Encounter visit(String id, String patientId, Doc d, Date start) {
        Dept dept = dept(d.dept());
        org.hl7.fhir.r4.model.Encounter e = new org.hl7.fhir.r4.model.Encounter();
        e.setId(id);
        e.setStatus(org.hl7.fhir.r4.model.Encounter.EncounterStatus.FINISHED);
        e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
        e.setSubject(new Reference("Patient/" + patientId));
        e.setServiceProvider(new Reference("Organization/" + dept.id()).setDisplayElement(Bilingual.text(dept.zh(), dept.en())));
        e.addParticipant().setIndividual(new Reference("PractitionerRole/" + d.id())
                .setDisplayElement(Bilingual.text(d.zh(), d.en())));
        e.addLocation().setLocation(new Reference("Location/room-" + d.room())
                .setDisplayElement(Bilingual.text(d.room() + "诊室", "Room " + d.room())));
        e.setPeriod(new org.hl7.fhir.r4.model.Period().setStart(start));
        return e;
    }

    private void invoice(String id, int patient, String zh, String en, LocalDate date, Line... lines) {
        records.put(invoiceResource(id, "pat-" + patient, zh, en, date(date, LocalTime.of(10, 15)), List.of(lines),
                java.util.Objects.requireNonNull(visitsByPatientDay.get("pat-" + patient + "/" + date), "visit of " + id)));
    }

    /** An issued invoice of the visit: R4 Invoice has no encounter element, the visit is the invoice-encounter extension. */
    static Invoice invoiceResource(String id, String patientId, String zh, String en, Date date, List<Line> lines,
                                   org.hl7.fhir.r4.model.Encounter visit) {
        Invoice inv = new Invoice();
        inv.setId(id);
        inv.setStatus(Invoice.InvoiceStatus.ISSUED);
        inv.setType(new CodeableConcept().setTextElement(Bilingual.text(zh, en)));
        inv.setSubject(new Reference("Patient/" + patientId));
        inv.setDate(date);
        inv.setIssuer(new Reference("Organization/" + HOSPITAL_ID));
        Ext.set(inv, Ext.INVOICE_ENCOUNTER, new Reference("Encounter/" + visit.getIdElement().getIdPart()));
        long total = 0;
        int seq = 1;
        for (Line l : lines) {
            long amount = l.unitFen() * l.quantity();
            total += amount;
            Invoice.InvoiceLineItemComponent item = inv.addLineItem();
            item.setSequence(seq++);
            item.setChargeItem(new CodeableConcept().setTextElement(Bilingual.text(l.zh(), l.en())));
            item.addPriceComponent().setType(Invoice.InvoicePriceComponentType.BASE)
                    .setFactor(l.quantity()).setAmount(Ext.cny(amount));
        }
        inv.setTotalNet(Ext.cny(total));
        inv.setTotalGross(Ext.cny(total));
        return inv;
    }

    private void seedReports() {
        lab("rep-1", 1, "血常规", "Complete blood count", "dept-im", "doc-01", "202411210001", 1, 0, new String[][]{
                {"白细胞计数", "White blood cells", "11.8", "10*9/L", "3.5-9.5", "H"},
                {"红细胞计数", "Red blood cells", "4.62", "10*12/L", "4.3-5.8", "N"},
                {"血红蛋白", "Haemoglobin", "128", "g/L", "130-175", "L"},
                {"血小板计数", "Platelets", "236", "10*9/L", "125-350", "N"},
                {"中性粒细胞百分比", "Neutrophils %", "82.1", "%", "40-75", "H"}});
        imaging("rep-2", 1, "胸部正位片", "Chest X-ray, PA view", "DX", "X线摄影", "Digital radiography",
                "胸部", "Chest", "dept-im",
                "Both lung fields are clear. Heart size normal. No pleural effusion.",
                "No acute cardiopulmonary abnormality.", 0, 2);
        lab("rep-3", 2, "肝功能", "Liver function panel", "dept-im", "doc-02", "202411210002", 1, 1, new String[][]{
                {"丙氨酸氨基转移酶", "ALT", "35", "U/L", "9-50", "N"},
                {"天门冬氨酸氨基转移酶", "AST", "28", "U/L", "15-40", "N"},
                {"总胆红素", "Total bilirubin", "25.3", "umol/L", "0-21", "H"}});
        imaging("rep-4", 2, "胸部CT平扫", "Chest CT, plain scan", "CT", "CT", "Computed tomography",
                "胸部", "Chest", "dept-im",
                "A 6 mm solid nodule in the right upper lobe. No mediastinal lymphadenopathy.",
                "Right upper lobe nodule; follow-up CT in 6-12 months recommended.", 0, 0);
        lab("rep-5", 3, "血常规", "Complete blood count", "dept-ped", "doc-06", "202411210003", 0, 0, new String[][]{
                {"白细胞计数", "White blood cells", "7.2", "10*9/L", "4.0-12.0", "N"},
                {"血红蛋白", "Haemoglobin", "118", "g/L", "110-160", "N"}});
        lab("rep-6", 4, "血糖", "Fasting glucose", "dept-tcm", "doc-20", "202411210004", 0, 0, new String[][]{
                {"空腹血糖", "Fasting glucose", "16.2", "mmol/L", "3.9-6.1", "HH"}});
        imaging("rep-7", 9, "眼底照相", "Fundus photography", "OP", "眼科摄影", "Ophthalmic photography",
                "双眼", "Both eyes", "dept-eye",
                "Optic discs well defined, cup-to-disc ratio 0.3. Macula normal.", "Normal fundus.", 0, 0);
        // a preliminary report: present in the hospital, not offered for printing (status=final filters it out)
        DiagnosticReport prelim = labReport("rep-8", 1, "尿常规", "Urinalysis", "dept-im", "doc-01", "202411210005",
                0, 0, new String[][]{{"尿蛋白", "Urine protein", "阴性", null, "阴性", "N"}});
        prelim.setStatus(DiagnosticReport.DiagnosticReportStatus.PRELIMINARY);
        Ext.set(prelim, Ext.EXPECTED_AT, new DateTimeType(date(today, LocalTime.of(16, 0))));
        records.put(prelim);
        // ordered, not final yet: each with when the laboratory expects it (the specimen barcode opens them)
        pending("rep-9", 1, "C反应蛋白", "C-reactive protein", "dept-im", "spec-rep-1", null,
                DiagnosticReport.DiagnosticReportStatus.REGISTERED, today, LocalTime.of(15, 30));
        pending("rep-10", 3, "尿常规", "Urinalysis", "dept-ped", "spec-rep-10", "202411210006",
                DiagnosticReport.DiagnosticReportStatus.PARTIAL, today.plusDays(1), LocalTime.of(10, 0));
        pending("rep-11", 5, "甲状腺功能", "Thyroid function", "dept-im", "spec-rep-11", "202411210007",
                DiagnosticReport.DiagnosticReportStatus.REGISTERED, today.plusDays(2), LocalTime.of(15, 0));
    }

    /**
     * A lab report ordered but not final: its specimen (a new one when {@code newSpecimenNo} is given, else the
     * existing {@code specimenId}) and the {@code expected-at} extension.
     */
    private void pending(String id, int patient, String zh, String en, String deptId, String specimenId,
                         String newSpecimenNo, DiagnosticReport.DiagnosticReportStatus status, LocalDate day,
                         LocalTime expected) {
        ZonedDateTime collected = ZonedDateTime.of(today, LocalTime.of(8, 40), zone);
        if (newSpecimenNo != null) {
            records.put(specimen(specimenId, patient, newSpecimenNo, zh.equals("尿常规"), collected));
        }
        DiagnosticReport r = new DiagnosticReport();
        r.setId(id);
        r.setStatus(status);
        r.addCategory(new CodeableConcept().addCoding(new Coding(V2_0074, "LAB", "Laboratory")));
        r.setCode(new CodeableConcept().setTextElement(Bilingual.text(zh, en)));
        r.setSubject(new Reference("Patient/pat-" + patient));
        r.setEffective(new DateTimeType(Date.from(collected.toInstant())));
        r.addSpecimen(new Reference("Specimen/" + specimenId));
        Dept dept = dept(deptId);
        r.addPerformer(new Reference("Organization/" + deptId).setDisplayElement(Bilingual.text(dept.zh(), dept.en())));
        Ext.set(r, Ext.EXPECTED_AT, new DateTimeType(date(day, expected)));
        records.put(r);
    }

    /** A collection tube: the barcode on the patient's slip is both its identifier and its accession number. */
    private static Specimen specimen(String id, int patient, String specimenNo, boolean urine, ZonedDateTime collected) {
        Specimen specimen = new Specimen();
        specimen.setId(id);
        specimen.addIdentifier().setSystem(DemoRoster.SYSTEM_SPECIMEN).setValue(specimenNo);
        specimen.setAccessionIdentifier(new Identifier().setSystem(DemoRoster.SYSTEM_SPECIMEN).setValue(specimenNo));
        specimen.setType(new CodeableConcept().setTextElement(urine ? Bilingual.text("尿液", "Urine")
                : Bilingual.text("静脉血", "Venous blood")));
        specimen.setSubject(new Reference("Patient/pat-" + patient));
        specimen.getCollection().setCollected(new DateTimeType(Date.from(collected.toInstant())));
        return specimen;
    }

    private void lab(String id, int patient, String zh, String en, String deptId, String doctorId, String specimenNo,
                     int printCount, int printLimit, String[][] rows) {
        records.put(labReport(id, patient, zh, en, deptId, doctorId, specimenNo, printCount, printLimit, rows));
    }

    private DiagnosticReport labReport(String id, int patient, String zh, String en, String deptId, String doctorId,
                                       String specimenNo, int printCount, int printLimit, String[][] rows) {
        ZonedDateTime collected = ZonedDateTime.of(today, LocalTime.of(8, 20), zone);
        ZonedDateTime reported = collected.plusHours(2);
        records.put(specimen("spec-" + id, patient, specimenNo, zh.equals("尿常规"), collected));

        DiagnosticReport r = new DiagnosticReport();
        r.setId(id);
        r.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        r.addCategory(new CodeableConcept().addCoding(new Coding(V2_0074, "LAB", "Laboratory")));
        r.setCode(new CodeableConcept().setTextElement(Bilingual.text(zh, en)));
        r.setSubject(new Reference("Patient/pat-" + patient));
        r.setEffective(new DateTimeType(Date.from(collected.toInstant())));
        r.setIssuedElement(new InstantType(Date.from(reported.toInstant())));
        r.addSpecimen(new Reference("Specimen/spec-" + id));
        Dept dept = dept(deptId);
        r.addPerformer(new Reference("Organization/" + deptId).setDisplayElement(Bilingual.text(dept.zh(), dept.en())));
        r.addPerformer(new Reference("Practitioner/pr-lab").setDisplayElement(Bilingual.text("检验科 马立", "MA Li (Laboratory)")));
        r.addResultsInterpreter(new Reference("Practitioner/pr-lab2").setDisplayElement(Bilingual.text("何静", "HE Jing")));
        Doc doc = doctor(doctorId);
        Ext.set(r, Ext.REQUESTING_DOCTOR, new Reference("PractitionerRole/" + doctorId)
                .setDisplayElement(Bilingual.text(doc.zh(), doc.en())));
        List<String> pdf = new ArrayList<>(List.of("MedKiosk Demo Hospital - Laboratory report", "",
                "Report: " + en + "   No. " + id, "Patient: " + DemoRoster.patient(patient).nameEn()
                        + "   MRN " + DemoRoster.patient(patient).medicalRecordNumber(),
                "Specimen: " + specimenNo, ""));
        int n = 1;
        for (String[] row : rows) {
            Observation o = new Observation();
            o.setId("obs-" + id + "-" + n++);
            o.setStatus(Observation.ObservationStatus.FINAL);
            o.setCode(new CodeableConcept().setTextElement(Bilingual.text(row[0], row[1])));
            o.setSubject(new Reference("Patient/pat-" + patient));
            if (row[3] == null) {
                o.setValue(new StringType(row[2]));
            } else {
                o.setValue(new Quantity().setValueElement(new DecimalType(row[2])).setUnit(row[3]));
            }
            o.addReferenceRange().setText(row[4]);
            o.addInterpretation(new CodeableConcept().addCoding(new Coding(INTERPRETATION, row[5], null)));
            records.put(o);
            r.addResult(new Reference("Observation/" + o.getIdElement().getIdPart()));
            pdf.add(String.format("%-28s %8s %-10s %-12s %s", row[1], row[2], row[3] == null ? "" : row[3], row[4],
                    row[5].equals("N") ? "" : row[5]));
        }
        attachPdf(r, pdf, printCount, printLimit);
        return r;
    }

    private void imaging(String id, int patient, String zh, String en, String modality, String modalityZh,
                         String modalityEn, String siteZh, String siteEn, String deptId, String findings,
                         String impression, int printCount, int printLimit) {
        ZonedDateTime examined = ZonedDateTime.of(today.minusDays(1), LocalTime.of(15, 40), zone);
        DiagnosticReport r = new DiagnosticReport();
        r.setId(id);
        r.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        r.addCategory(new CodeableConcept().addCoding(new Coding(V2_0074, "RAD", "Radiology")));
        r.setCode(new CodeableConcept().setTextElement(Bilingual.text(zh, en)));
        r.setSubject(new Reference("Patient/pat-" + patient));
        r.setEffective(new DateTimeType(Date.from(examined.toInstant())));
        r.setIssuedElement(new InstantType(Date.from(examined.plusHours(18).toInstant())));
        Dept dept = dept(deptId);
        r.addPerformer(new Reference("Organization/" + deptId).setDisplayElement(Bilingual.text(dept.zh(), dept.en())));
        r.addPerformer(new Reference("Practitioner/pr-rad").setDisplayElement(Bilingual.text("影像科 孔磊", "KONG Lei (Radiology)")));
        r.addResultsInterpreter(new Reference("Practitioner/pr-rad2").setDisplayElement(Bilingual.text("唐雪梅", "TANG Xuemei")));
        r.setConclusion(impression);
        Ext.set(r, Ext.IMAGING_FINDINGS, new StringType(findings));
        CodeableConcept mod = new CodeableConcept().addCoding(new Coding("http://dicom.nema.org/resources/ontology/DCM",
                modality, modalityEn));
        mod.setTextElement(Bilingual.text(modalityZh, modalityEn));
        Ext.set(r, Ext.IMAGING_MODALITY, mod);
        Ext.set(r, Ext.BODY_SITE, new CodeableConcept().setTextElement(Bilingual.text(siteZh, siteEn)));
        attachPdf(r, List.of("MedKiosk Demo Hospital - Imaging report", "", "Examination: " + en + "  (" + modality + ")",
                "Patient: " + DemoRoster.patient(patient).nameEn() + "   MRN "
                        + DemoRoster.patient(patient).medicalRecordNumber(), "", "Findings:", findings, "",
                "Impression:", impression), printCount, printLimit);
        records.put(r);
    }

    private void attachPdf(DiagnosticReport r, List<String> lines, int printCount, int printLimit) {
        String id = r.getIdElement().getIdPart();
        Binary pdf = new Binary();
        pdf.setId("pdf-" + id);
        pdf.setContentType("application/pdf");
        pdf.setData(MinimalPdf.page(lines));
        pdf.setSecurityContext(new Reference("Patient/" + r.getSubject().getReferenceElement().getIdPart()));
        records.put(pdf);
        r.addPresentedForm(new Attachment().setContentType("application/pdf").setUrl("Binary/pdf-" + id)
                .setSize(pdf.getData().length).setTitle(r.getCode().getText()));
        Ext.set(r, Ext.PRINT_COUNT, new IntegerType(printCount));
        Ext.set(r, Ext.PRINT_LIMIT, new IntegerType(printLimit));
    }
}
