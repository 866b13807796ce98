package org.medkiosk.hospital;

/** One line of a lab report: item, result, unit, reference range and the flag. */
public record LabResult(LocalizedText item, String value, String unit, String referenceRange, AbnormalFlag flag) {
}
