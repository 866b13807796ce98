package org.medkiosk.hospital;

/** A patient's prepaid (就诊卡) account and what is on it. */
public record AccountBalance(String accountId, String patientId, Money balance) {
}
