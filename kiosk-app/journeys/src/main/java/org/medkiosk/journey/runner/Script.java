package org.medkiosk.journey.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medkiosk.hospital.Masking;
import org.medkiosk.hospital.Money;

/**
 * A scripted patient: one step a line (SCRIPTS.md). Blank lines and {@code #} comments are skipped. Parsing
 * checks everything it can before anything runs, so a typo never leaves a half-paid patient.
 */
public record Script(List<Step> steps) {

    public Script {
        steps = List.copyOf(steps);
    }

    /** One line of a script. {@link #toString()} is what the runner prints: payment codes masked. */
    public sealed interface Step {
        int line();
    }

    /** {@code card N}: roster card N (1–10, or X) is put on the ID-card reader; identifies the patient. */
    public record Card(int line, String roster) implements Step {
        @Override
        public String toString() {
            return "card " + roster;
        }
    }

    /** {@code invoice AMOUNT}: the demo hospital issues a fresh unpaid bill for the patient (a demo lever). */
    public record Invoice(int line, Money amount) implements Step {
        @Override
        public String toString() {
            return "invoice " + amount;
        }
    }

    /** {@code pay all with CODE} (wallet code scanned) or {@code pay account} (prepaid account). */
    public record Pay(int line, String code) implements Step {
        public boolean fromAccount() {
            return code == null;
        }

        @Override
        public String toString() {
            return code == null ? "pay account" : "pay all with " + Masking.paymentCode(code);
        }
    }

    /** {@code topup AMOUNT with CODE}: a preset amount is tapped, any other is typed on the keypad. */
    public record TopUp(int line, Money amount, String code) implements Step {
        @Override
        public String toString() {
            return "topup " + amount + " with " + Masking.paymentCode(code);
        }
    }

    /**
     * {@code register dept=ID|first doctor=ID|first slot=ID|first day=+N [with CODE]}: department, doctor, period,
     * confirm, then the fee is paid with the scanned code (a free number needs none).
     */
    public record Register(int line, String department, String doctor, String slot, int dayOffset, String code)
            implements Step {
        @Override
        public String toString() {
            return "register dept=" + department + " doctor=" + doctor + " slot=" + slot + " day=+" + dayOffset
                    + (code == null ? "" : " with " + Masking.paymentCode(code));
        }
    }

    /**
     * {@code cancel first|last|booked|APPOINTMENT-ID}: cancels one of the patient's booked appointments (refunded
     * where the hospital allows); {@code booked} is the one the last {@code register} step of this run booked.
     */
    public record Cancel(int line, String which) implements Step {
        @Override
        public String toString() {
            return "cancel " + which;
        }
    }

    /** {@code finish}: the patient taps Finish; the session ends. */
    public record Finish(int line) implements Step {
        @Override
        public String toString() {
            return "finish";
        }
    }

    /** {@code expect STATE}: the previous step must have ended in the state whose simple class name is STATE. */
    public record Expect(int line, String state) implements Step {
        @Override
        public String toString() {
            return "expect " + state;
        }
    }

    /** {@code recover}: one settlement pass (as `kiosk journal recover`); its state is Settled or Open. */
    public record Recover(int line) implements Step {
        @Override
        public String toString() {
            return "recover";
        }
    }

    /** A line that is not a step; the message names the line and what was expected. */
    public static final class ScriptException extends Exception {
        public ScriptException(String message) {
            super(message);
        }
    }

    public static Script read(Path file) throws IOException, ScriptException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    public static Script parse(String source, String text) throws ScriptException {
        List<Step> steps = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                steps.add(step(i + 1, line.split("\\s+")));
            } catch (ScriptException e) {
                throw new ScriptException(source + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Script(steps);
    }

    private static Step step(int n, String[] w) throws ScriptException {
        String verb = w[0].toLowerCase(java.util.Locale.ROOT);
        switch (verb) {
            case "card" -> {
                need(w, 2, "card N (roster card 1-10 or X)");
                String r = w[1].toUpperCase(java.util.Locale.ROOT);
                if (!r.equals("X") && !r.matches("[1-9]|10")) {
                    throw new ScriptException("card takes a roster number 1-10 or X, not '" + w[1] + "'");
                }
                return new Card(n, r);
            }
            case "invoice" -> {
                need(w, 2, "invoice AMOUNT (yuan, e.g. 30 or 12.50)");
                return new Invoice(n, money(w[1]));
            }
            case "pay" -> {
                if (w.length == 2 && w[1].equalsIgnoreCase("account")) {
                    return new Pay(n, null);
                }
                if (w.length == 4 && w[1].equalsIgnoreCase("all") && w[2].equalsIgnoreCase("with")) {
                    return new Pay(n, code(w[3]));
                }
                throw new ScriptException("expected 'pay all with CODE' or 'pay account'");
            }
            case "topup", "top-up" -> {
                if (w.length != 4 || !w[2].equalsIgnoreCase("with")) {
                    throw new ScriptException("expected 'topup AMOUNT with CODE'");
                }
                Money amount = money(w[1]);
                if (amount.fen() % 100 != 0) {
                    throw new ScriptException("a top-up is whole yuan (the keypad has no decimal point)");
                }
                return new TopUp(n, amount, code(w[3]));
            }
            case "register" -> {
                Map<String, String> opts = new LinkedHashMap<>();
                String code = null;
                for (int i = 1; i < w.length; i++) {
                    if (w[i].equalsIgnoreCase("with")) {
                        if (i + 2 != w.length) {
                            throw new ScriptException("'with CODE' ends a register line");
                        }
                        code = code(w[i + 1]);
                        break;
                    }
                    int eq = w[i].indexOf('=');
                    if (eq <= 0) {
                        throw new ScriptException("register takes dept=, doctor=, slot=, day= and 'with CODE', not '" + w[i] + "'");
                    }
                    String key = w[i].substring(0, eq).toLowerCase(java.util.Locale.ROOT);
                    if (!List.of("dept", "doctor", "slot", "day").contains(key)) {
                        throw new ScriptException("unknown register option '" + key + "' (dept, doctor, slot, day)");
                    }
                    opts.put(key, w[i].substring(eq + 1));
                }
                String day = opts.getOrDefault("day", "+0");
                if (!day.matches("\\+?[0-9]") && !day.equalsIgnoreCase("today")) {
                    throw new ScriptException("day is +N days from today (0-9) or today, not '" + day + "'");
                }
                int offset = day.equalsIgnoreCase("today") ? 0 : Integer.parseInt(day.replace("+", ""));
                return new Register(n, opts.getOrDefault("dept", "first"), opts.getOrDefault("doctor", "first"),
                        opts.getOrDefault("slot", "first"), offset, code);
            }
            case "cancel" -> {
                need(w, 2, "cancel first|last|booked|APPOINTMENT-ID");
                return new Cancel(n, w[1]);
            }
            case "finish" -> {
                need(w, 1, "finish");
                return new Finish(n);
            }
            case "expect" -> {
                need(w, 2, "expect STATE (a state's simple name, e.g. Paid)");
                return new Expect(n, w[1]);
            }
            case "recover" -> {
                need(w, 1, "recover");
                return new Recover(n);
            }
            default -> throw new ScriptException("unknown step '" + w[0]
                    + "' (card, invoice, pay, topup, register, cancel, finish, expect, recover)");
        }
    }

    private static void need(String[] w, int count, String form) throws ScriptException {
        if (w.length != count) {
            throw new ScriptException("expected '" + form + "'");
        }
    }

    private static Money money(String s) throws ScriptException {
        if (!s.matches("[0-9]{1,6}(\\.[0-9]{1,2})?")) {
            throw new ScriptException("'" + s + "' is not an amount in yuan (e.g. 30 or 12.50)");
        }
        Money m = Money.ofYuan(s);
        if (!m.isPositive()) {
            throw new ScriptException("an amount must be more than zero");
        }
        return m;
    }

    private static String code(String s) throws ScriptException {
        if (!s.matches("[0-9]{16,24}")) {
            // Never echo it: it may be a real payment code typed into a script by mistake.
            throw new ScriptException("a payment code is 16-24 digits (demo codes: 18 digits, see SCRIPTS.md)");
        }
        return s;
    }
}
