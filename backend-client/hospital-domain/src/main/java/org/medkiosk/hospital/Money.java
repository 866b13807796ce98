package org.medkiosk.hospital;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in renminbi, held as whole fen so that sums and comparisons are exact.
 * Payments, receipts and the journal all use this type; never a double.
 */
public record Money(long fen) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** Parses a yuan amount such as "12.5" or "12.50"; more than two decimals is an error. */
    public static Money ofYuan(String yuan) {
        BigDecimal value = new BigDecimal(yuan.trim());
        try {
            return new Money(value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not an amount in fen precision: " + yuan, e);
        }
    }

    public static Money ofYuan(BigDecimal yuan) {
        return ofYuan(yuan.toPlainString());
    }

    public BigDecimal yuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(fen, quantity));
    }

    public boolean isPositive() {
        return fen > 0;
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(fen, o.fen);
    }

    /** "¥12.50": the form printed on receipts and shown on screen. */
    @Override
    public String toString() {
        return (fen < 0 ? "-¥" : "¥") + BigDecimal.valueOf(Math.abs(fen), 2).toPlainString();
    }
}
