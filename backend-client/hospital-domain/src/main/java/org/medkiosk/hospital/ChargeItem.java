package org.medkiosk.hospital;

/** One line of an invoice: a drug, test or service, how many, and what it costs. */
public record ChargeItem(LocalizedText name, int quantity, Money unitPrice, Money amount) {
}
