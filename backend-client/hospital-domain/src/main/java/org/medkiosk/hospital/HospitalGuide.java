package org.medkiosk.hospital;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the kiosk's guidance screens need from the hospital (hospital information, price lookup, wayfinding, notices,
 * feedback), beside {@link HospitalBackend}. Like it, every method may block on the network (call it off the FX
 * thread) and fails with {@link BackendException}s.
 */
public interface HospitalGuide {

    /**
     * Price-list lines matching what the patient typed: a part of the Chinese name (血常规), the start of the pinyin
     * initials in either case ("xcg", "XCG"), or a part of the English name in any case ("blood"); best matches
     * first, at most {@code limit}. A blank query finds nothing.
     */
    List<PriceItem> findPrices(String query, int limit);

    /** Every place the kiosk can direct a patient to. */
    List<HospitalPlace> places();

    /** One place by id (a department's {@link DepartmentInfo#placeId()}); empty when the hospital has no such place. */
    Optional<HospitalPlace> placeOf(String locationId);

    /** The emergency department (急诊科), for the red-flag screen; empty when the hospital lists none. */
    Optional<HospitalPlace> emergencyDepartment();

    /** Every department that takes registrations, with its introduction and where its clinic is. */
    List<DepartmentInfo> departmentInfo();

    /** The doctors of a department with their specialty, qualifications and weekly consulting sessions. */
    List<DoctorProfile> doctorProfiles(String departmentId);

    /** The hospital's notices that are up on {@code day}, newest first. */
    List<HospitalNotice> notices(LocalDate day);

    /**
     * Sends a patient's feedback. The key makes a retry the same feedback, never a second one. The kiosk sends it in
     * the background: a failure must never hold the patient up.
     */
    void sendFeedback(Feedback feedback, String idempotencyKey);
}
