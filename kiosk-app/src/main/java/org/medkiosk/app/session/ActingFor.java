package org.medkiosk.app.session;

import org.medkiosk.hospital.StaffMember;

/**
 * Who is doing the journey for whom, for the banner on every screen of an assisted session: "护士 王芳（200101）正在为
 * 张*明 办理". The patient's name is the masked greeting form, as on the home screen.
 */
public record ActingFor(StaffMember staff, String patientMaskedName) {
}
