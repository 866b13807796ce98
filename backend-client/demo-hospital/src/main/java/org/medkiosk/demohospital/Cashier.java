package org.medkiosk.demohospital;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;

/**
 * The demo hospital's cashier (收费处): payment and deposit intents keyed by the kiosk's idempotency key, with the
 * simulated wallet's behaviour chosen by the payment code. Payment codes are used and forgotten, never kept.
 */
final class Cashier {
    enum Kind { PAY, DEPOSIT, CLOSED_MARKER }

    /** A money movement as the ledger records it. */
    enum Movement {
        CHARGE("charge", "Charge"), REVERSAL("reversal", "Reversal"), REFUND("refund", "Refund");

        final String code;
        final String display;

        Movement(String code, String display) {
            this.code = code;
            this.display = display;
        }
    }

    enum Status {
        PENDING("pending"), SUCCESS("success"), DECLINED("declined"), CLOSED("closed"), REVERSED("reversed"),
        REFUNDED("refunded");

        final String code;

        Status(String code) {
            this.code = code;
        }
    }

    static final class Intent {
        final String key;
        final Kind kind;
        final String patientId;
        final List<String> invoiceIds;
        final String accountId;
        final String appointmentId;
        final long fen;
        final String method;
        final PaymentBehaviour behaviour;
        Status status = Status.PENDING;
        int queries;
        String transaction;
        Date at;
        String reason;

        Intent(String key, Kind kind, String patientId, List<String> invoiceIds, String accountId, String appointmentId,
               long fen, String method, PaymentBehaviour behaviour) {
            this.key = key;
            this.kind = kind;
            this.patientId = patientId;
            this.invoiceIds = List.copyOf(invoiceIds);
            this.accountId = accountId;
            this.appointmentId = appointmentId;
            this.fen = fen;
            this.method = method;
            this.behaviour = behaviour;
        }

        boolean sameRequest(Kind k, List<String> invoices, String account, String appointment, long amount) {
            return k == kind && invoices.equals(invoiceIds) && Objects.equals(account, accountId)
                    && Objects.equals(appointment, appointmentId) && amount == fen;
        }
    }

    private final HospitalRecords records;
    private final Clock clock;
    private final Duration slowDelay;
    private final Map<String, Intent> intents = new HashMap<>();
    private int sequence;
    private int ledgerSequence;

    Cashier(HospitalRecords records, Clock clock, Duration slowDelay) {
        this.records = records;
        this.clock = clock;
        this.slowDelay = slowDelay;
    }

    Parameters pay(String key, String patientId, List<String> invoiceIds, String appointmentId, long fen, String method,
                   String code) {
        Intent intent = records.atomically(() -> {
            Intent existing = intents.get(key);
            if (existing != null) {
                if (existing.kind == Kind.CLOSED_MARKER) {
                    return existing; // closed before it arrived: refused, the answer says closed
                }
                if (!existing.sameRequest(Kind.PAY, invoiceIds, null, appointmentId, fen)) {
                    throw Problems.businessRule("idempotency key already used for a different payment");
                }
                return existing;
            }
            long due = 0;
            for (String id : invoiceIds) {
                Invoice inv = records.get(Invoice.class, id).orElseThrow(() -> Problems.businessRule("unknown invoice"));
                if (patientId != null && !patientId.equals(inv.getSubject().getReferenceElement().getIdPart())) {
                    throw Problems.businessRule("invoice belongs to another patient");
                }
                if (inv.getStatus() != Invoice.InvoiceStatus.ISSUED) {
                    throw Problems.conflict("invoice is not open for payment (already paid or cancelled)");
                }
                due += inv.getTotalGross().getValue().movePointRight(2).longValueExact();
            }
            if (!invoiceIds.isEmpty() && due != fen) {
                throw Problems.businessRule("amount does not match the invoices' total");
            }
            if (appointmentId != null) {
                if (!invoiceIds.isEmpty()) {
                    throw Problems.businessRule("a payment pays either invoices or one registration fee");
                }
                org.hl7.fhir.r4.model.Appointment a = records.get(org.hl7.fhir.r4.model.Appointment.class, appointmentId)
                        .orElseThrow(() -> Problems.businessRule("unknown appointment"));
                String owner = a.getParticipant().stream().map(p -> p.getActor().getReferenceElement())
                        .filter(r -> "Patient".equals(r.getResourceType())).map(r -> r.getIdPart()).findFirst().orElse(null);
                if (patientId != null && !patientId.equals(owner)) {
                    throw Problems.businessRule("appointment belongs to another patient");
                }
                if (a.getStatus() != org.hl7.fhir.r4.model.Appointment.AppointmentStatus.PENDING
                        && a.getStatus() != org.hl7.fhir.r4.model.Appointment.AppointmentStatus.BOOKED
                        && a.getStatus() != org.hl7.fhir.r4.model.Appointment.AppointmentStatus.CANCELLED) {
                    throw Problems.conflict("the appointment is not open for payment");
                }
                if (a.getExtensionByUrl(Ext.PAYMENT_KEY) != null) {
                    throw Problems.conflict("the registration fee of this appointment is already paid");
                }
                if (Ext.fen(a, Ext.REGISTRATION_FEE) != fen) {
                    throw Problems.businessRule("amount does not match the registration fee");
                }
            }
            Intent created = new Intent(key, Kind.PAY, patientId, invoiceIds, null, appointmentId, fen, method,
                    behaviourOf(method, code));
            intents.put(key, created);
            start(created);
            return created;
        });
        return settleSlow(intent);
    }

    Parameters deposit(String key, String accountId, long fen, String method, String code) {
        if ("PREPAID_ACCOUNT".equals(method)) {
            throw Problems.businessRule("a prepaid account cannot be topped up from itself");
        }
        Intent intent = records.atomically(() -> {
            Intent existing = intents.get(key);
            if (existing != null) {
                if (existing.kind == Kind.CLOSED_MARKER) {
                    return existing; // closed before it arrived: refused, the answer says closed
                }
                if (!existing.sameRequest(Kind.DEPOSIT, List.of(), accountId, null, fen)) {
                    throw Problems.businessRule("idempotency key already used for a different deposit");
                }
                return existing;
            }
            Account account = records.get(Account.class, accountId).orElseThrow(() -> Problems.notFound("unknown account"));
            if (account.getStatus() != Account.AccountStatus.ACTIVE) {
                throw Problems.conflict("account is not active");
            }
            String owner = account.getSubject().isEmpty() ? null
                    : account.getSubjectFirstRep().getReferenceElement().getIdPart();
            Intent created = new Intent(key, Kind.DEPOSIT, owner, List.of(), accountId, null, fen, method,
                    behaviourOf(method, code));
            intents.put(key, created);
            start(created);
            return created;
        });
        return settleSlow(intent);
    }

    private PaymentBehaviour behaviourOf(String method, String code) {
        if ("PREPAID_ACCOUNT".equals(method)) {
            return PaymentBehaviour.INSTANT_SUCCESS;
        }
        if (code == null || !code.matches("\\d{16,24}")) {
            throw Problems.businessRule("payment code must be 16 to 24 digits");
        }
        return PaymentBehaviour.of(code);
    }

    private void start(Intent intent) {
        switch (intent.behaviour) {
            case INSTANT_SUCCESS -> succeed(intent);
            case DECLINED -> {
                intent.status = Status.DECLINED;
                intent.reason = "余额不足 / insufficient funds";
                intent.at = now();
            }
            default -> intent.at = now(); // pending (slow: pending while the wallet "thinks")
        }
    }

    /** The slow wallet: the answer waits, then the payment succeeds unless a reverse got there first. */
    private Parameters settleSlow(Intent intent) {
        if (intent.behaviour == PaymentBehaviour.SLOW_SUCCESS && intent.status == Status.PENDING) {
            try {
                Thread.sleep(slowDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            records.atomically(() -> {
                if (intent.status == Status.PENDING) {
                    succeed(intent);
                }
                return null;
            });
        }
        return records.atomically(() -> answer(intent));
    }

    Parameters status(String key) {
        return records.atomically(() -> {
            Intent intent = find(key);
            if (intent.status == Status.PENDING) {
                intent.queries++;
                if (intent.behaviour == PaymentBehaviour.PENDING_THEN_SUCCESS && intent.queries >= 2) {
                    succeed(intent);
                }
            }
            return answer(intent);
        });
    }

    Parameters reverse(String key) {
        return records.atomically(() -> {
            Intent intent = intents.get(key);
            if (intent == null) {
                // Never seen: close the key, so a request still in flight is refused when it arrives.
                intent = new Intent(key, Kind.CLOSED_MARKER, null, List.of(), null, null, 0, null, null);
                intent.status = Status.CLOSED;
                intent.reason = "closed before the payment reached the hospital";
                intent.at = now();
                intents.put(key, intent);
                return answer(intent);
            }
            switch (intent.status) {
                case PENDING -> {
                    if (intent.behaviour == PaymentBehaviour.SUCCESS_RACES_REVERSE) {
                        succeed(intent); // the wallet took the money before it saw the reverse
                    } else {
                        intent.status = Status.REVERSED;
                        intent.at = now();
                    }
                }
                case SUCCESS -> {
                    if (intent.behaviour == PaymentBehaviour.SUCCESS_RACES_REVERSE) {
                        break; // still the race's winner: the kiosk must refund
                    }
                    undo(intent);
                    record(intent, Movement.REVERSAL);
                    intent.status = Status.REVERSED;
                    intent.at = now();
                }
                default -> {
                    // declined, closed, reversed, refunded: final, the answer repeats
                }
            }
            return answer(intent);
        });
    }

    Parameters refund(String key, String reason) {
        return records.atomically(() -> {
            Intent intent = find(key);
            if (intent.status == Status.SUCCESS) {
                if (intent.kind == Kind.DEPOSIT && balanceFen(intent.accountId) < intent.fen) {
                    throw Problems.conflict("the deposit has already been spent");
                }
                undo(intent);
                record(intent, Movement.REFUND);
                intent.status = Status.REFUNDED;
                intent.reason = reason == null ? null : reason.substring(0, Math.min(reason.length(), 200));
                intent.at = now();
            } else if (intent.status != Status.REFUNDED) {
                throw Problems.conflict("only a successful payment can be refunded");
            }
            return answer(intent);
        });
    }

    private Intent find(String key) {
        Intent intent = intents.get(key);
        if (intent == null) {
            throw Problems.notFound("no payment with this idempotency key");
        }
        return intent;
    }

    private void succeed(Intent intent) {
        if (intent.kind == Kind.PAY && "PREPAID_ACCOUNT".equals(intent.method)) {
            Account account = records.find(Account.class, a -> a.getSubject().stream()
                    .anyMatch(s -> s.getReferenceElement().getIdPart().equals(intent.patientId))).stream().findFirst()
                    .orElse(null);
            if (account == null || balanceFen(account.getIdElement().getIdPart()) < intent.fen) {
                intent.status = Status.DECLINED;
                intent.reason = "预交金余额不足 / prepaid balance too low";
                intent.at = now();
                return;
            }
            addBalance(account.getIdElement().getIdPart(), -intent.fen);
        }
        intent.status = Status.SUCCESS;
        intent.at = now();
        intent.transaction = transactionNumber(intent.method);
        record(intent, Movement.CHARGE);
        if (intent.kind == Kind.PAY) {
            for (String id : intent.invoiceIds) {
                records.get(Invoice.class, id).ifPresent(inv -> {
                    inv.setStatus(Invoice.InvoiceStatus.BALANCED);
                    Ext.set(inv, Ext.PAID_AT, new org.hl7.fhir.r4.model.DateTimeType(intent.at));
                    Ext.set(inv, Ext.PAYMENT_TRANSACTION, new StringType(intent.transaction));
                });
            }
            if (intent.appointmentId != null) {
                records.get(org.hl7.fhir.r4.model.Appointment.class, intent.appointmentId)
                        .ifPresent(a -> Ext.set(a, Ext.PAYMENT_KEY, new StringType(intent.key)));
            }
        } else {
            addBalance(intent.accountId, intent.fen);
        }
    }

    private void undo(Intent intent) {
        if (intent.kind == Kind.PAY) {
            for (String id : intent.invoiceIds) {
                records.get(Invoice.class, id).ifPresent(inv -> {
                    inv.setStatus(Invoice.InvoiceStatus.ISSUED);
                    inv.getExtension().removeIf(e -> Ext.PAID_AT.equals(e.getUrl())
                            || Ext.PAYMENT_TRANSACTION.equals(e.getUrl()));
                });
            }
            if ("PREPAID_ACCOUNT".equals(intent.method)) {
                records.find(Account.class, a -> a.getSubject().stream()
                                .anyMatch(s -> s.getReferenceElement().getIdPart().equals(intent.patientId)))
                        .stream().findFirst().ifPresent(a -> addBalance(a.getIdElement().getIdPart(), intent.fen));
            }
        } else {
            addBalance(intent.accountId, -intent.fen);
        }
    }

    long balanceFen(String accountId) {
        return records.get(Account.class, accountId).map(a -> Ext.fen(a, Ext.ACCOUNT_BALANCE)).orElse(0L);
    }

    private void addBalance(String accountId, long fen) {
        records.get(Account.class, accountId).ifPresent(a ->
                Ext.set(a, Ext.ACCOUNT_BALANCE, Ext.cny(Ext.fen(a, Ext.ACCOUNT_BALANCE) + fen)));
    }

    private Parameters answer(Intent intent) {
        Parameters out = new Parameters();
        out.addParameter().setName("idempotency-key").setValue(new StringType(intent.key));
        out.addParameter().setName("status").setValue(new CodeType(intent.status.code));
        if (intent.kind != Kind.CLOSED_MARKER) {
            out.addParameter().setName("amount").setValue(Ext.cny(intent.fen));
        }
        if (intent.transaction != null) {
            out.addParameter().setName("transaction").setValue(new StringType(intent.transaction));
        }
        if (intent.at != null) {
            out.addParameter().setName("at").setValue(new InstantType(intent.at));
        }
        if (intent.reason != null) {
            out.addParameter().setName("reason").setValue(new StringType(intent.reason));
        }
        if (intent.kind == Kind.DEPOSIT) {
            out.addParameter().setName("balance").setValue(Ext.cny(balanceFen(intent.accountId)));
        }
        return out;
    }

    /** True while the payment with this key stands (succeeded, not reversed or refunded): its fee is refundable. */
    boolean charged(String key) {
        Intent intent = key == null ? null : intents.get(key);
        return intent != null && intent.status == Status.SUCCESS;
    }

    /** A registration fee paid at a kiosk before the demo started (seed): the charge is in the ledger, refundable. */
    void seedCharge(String key, String patientId, String appointmentId, long fen, String method) {
        records.atomically(() -> {
            Intent intent = new Intent(key, Kind.PAY, patientId, List.of(), null, appointmentId, fen, method,
                    PaymentBehaviour.INSTANT_SUCCESS);
            intents.put(key, intent);
            succeed(intent);
            return null;
        });
    }

    /**
     * The ledger: one FHIR PaymentReconciliation per money movement, identified by the intent's idempotency key
     * (documented in backend-client/INTEGRATION.md, "Ledger").
     */
    private void record(Intent intent, Movement movement) {
        org.hl7.fhir.r4.model.PaymentReconciliation pr = new org.hl7.fhir.r4.model.PaymentReconciliation();
        pr.setId("ledger-" + (++ledgerSequence));
        pr.addIdentifier().setSystem(Ext.IDEMPOTENCY_KEY).setValue(intent.key);
        pr.setStatus(org.hl7.fhir.r4.model.PaymentReconciliation.PaymentReconciliationStatus.ACTIVE);
        pr.setCreated(now());
        pr.setPaymentDate(now());
        pr.setOutcome(org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome.COMPLETE);
        pr.setPaymentAmount(Ext.cny(intent.fen));
        pr.setPaymentIssuer(new org.hl7.fhir.r4.model.Reference("Organization/" + HospitalSeed.HOSPITAL_ID));
        if (intent.transaction != null) {
            pr.setPaymentIdentifier(new org.hl7.fhir.r4.model.Identifier()
                    .setSystem("urn:medkiosk:wallet-transaction").setValue(intent.transaction));
        }
        if (intent.patientId != null) {
            Ext.set(pr, Ext.PATIENT, new org.hl7.fhir.r4.model.Reference("Patient/" + intent.patientId));
        }
        pr.setDisposition(movement.display + " " + (intent.kind == Kind.DEPOSIT ? "deposit" : "payment")
                + (intent.method == null ? "" : " by " + intent.method));
        org.hl7.fhir.r4.model.CodeableConcept type = new org.hl7.fhir.r4.model.CodeableConcept()
                .addCoding(new org.hl7.fhir.r4.model.Coding(Ext.MONEY_MOVEMENT, movement.code, movement.display));
        List<String> targets = new java.util.ArrayList<>();
        intent.invoiceIds.forEach(id -> targets.add("Invoice/" + id));
        if (intent.appointmentId != null) {
            targets.add("Appointment/" + intent.appointmentId);
        }
        if (intent.accountId != null) {
            targets.add("Account/" + intent.accountId);
        }
        if (targets.isEmpty()) {
            pr.addDetail().setType(type).setAmount(Ext.cny(intent.fen));
        }
        for (String target : targets) {
            org.hl7.fhir.r4.model.PaymentReconciliation.DetailsComponent d = pr.addDetail().setType(type.copy())
                    .setRequest(new org.hl7.fhir.r4.model.Reference(target)).setDate(now());
            if (target.startsWith("Invoice/")) {
                records.get(Invoice.class, target.substring(8))
                        .ifPresent(inv -> d.setAmount(inv.getTotalGross().copy()));
            } else {
                d.setAmount(Ext.cny(intent.fen));
            }
        }
        records.put(pr);
    }

    private String transactionNumber(String method) {
        String prefix = switch (method == null ? "" : method) {
            case "ALIPAY" -> "ALI";
            case "UNIONPAY" -> "UP";
            case "PREPAID_ACCOUNT" -> "PRE";
            case "MEDICAL_INSURANCE" -> "YB";
            default -> "WX";
        };
        return prefix + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(clock.getZone()).format(clock.instant())
                + String.format("%06d", ++sequence);
    }

    private Date now() {
        return Date.from(clock.instant());
    }

    static long fen(Money money) {
        if (money == null || money.getValue() == null) {
            throw Problems.invalid("amount is required");
        }
        if (money.hasCurrency() && !"CNY".equals(money.getCurrency())) {
            throw Problems.businessRule("only CNY is accepted");
        }
        BigDecimal v = money.getValue();
        if (v.scale() > 2 || v.signum() <= 0) {
            throw Problems.businessRule("amount must be positive with at most 2 decimals");
        }
        return v.movePointRight(2).longValueExact();
    }
}
