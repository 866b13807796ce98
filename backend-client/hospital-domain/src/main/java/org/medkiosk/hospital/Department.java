package org.medkiosk.hospital;

/** A clinical department that takes registrations (内科, 儿科…), with where to find it. */
public record Department(String id, LocalizedText name, LocalizedText location) {
}
