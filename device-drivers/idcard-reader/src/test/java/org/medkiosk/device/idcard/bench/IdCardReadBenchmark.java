package org.medkiosk.device.idcard.bench;

import java.time.Duration;
import java.util.Arrays;
import org.medkiosk.device.idcard.CardPhoto;
import org.medkiosk.device.idcard.CardReadout;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.device.idcard.IdCard;
import org.medkiosk.device.idcard.IdCardText;
import org.medkiosk.device.idcard.SamAnswer;
import org.medkiosk.device.idcard.SamChannel;
import org.medkiosk.device.idcard.SamCommand;
import org.medkiosk.device.idcard.SamReaderSimulator;
import org.medkiosk.device.link.SerialLink;
import org.medkiosk.device.link.SerialSettings;
import org.medkiosk.device.link.testing.PseudoTerminalPair;

/**
 * Software overhead of one ID-card read (find → select → read → parse into an IdCard) through jSerialComm on a
 * pseudo-terminal pair, against the wire time of the 1,295-byte answer at 115200 baud 8N1 (~112 ms). A pty has no
 * baud-rate delay, so the time measured is what the software (driver, codec, kernel tty, socat relay, simulator)
 * adds on top of the wire. Target: ≤ 10 ms at p95.
 *
 * <pre>mvn -B -q -pl device-drivers/idcard-reader test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.medkiosk.device.idcard.bench.IdCardReadBenchmark</pre>
 */
public final class IdCardReadBenchmark {

    private IdCardReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = 200;
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        SerialSettings wire = SerialSettings.of("unused", 115200);
        double wireMs = 1295 * wire.bitsPerByte() / wire.baud() * 1000;
        try (PseudoTerminalPair pty = PseudoTerminalPair.open();
             SamReaderSimulator sim = new SamReaderSimulator(
                     new SerialLink(SerialSettings.of(pty.devicePath().toString(), 115200)));
             SerialLink host = new SerialLink(SerialSettings.of(pty.hostPath().toString(), 115200))) {
            sim.start();
            sim.insert(DemoCards.ZHANG_SANMING);
            host.open();
            SamChannel channel = new SamChannel(host);
            long[] total = new long[runs];
            long[] readOnly = new long[runs];
            for (int i = -warmup; i < runs; i++) {
                long t0 = System.nanoTime();
                channel.transact(SamCommand.FIND_CARD, Duration.ofSeconds(2));
                channel.transact(SamCommand.SELECT_CARD, Duration.ofSeconds(2));
                long t1 = System.nanoTime();
                SamAnswer read = channel.transact(SamCommand.READ_TEXT_AND_PHOTO, Duration.ofSeconds(2));
                CardReadout readout = CardReadout.parse(read.data());
                IdCard card = IdCardText.parse(readout.text(), new CardPhoto(readout.photo()));
                long t2 = System.nanoTime();
                if (!card.equals(DemoCards.ZHANG_SANMING)) {
                    throw new IllegalStateException("wrong card read");
                }
                if (i >= 0) {
                    total[i] = t2 - t0;
                    readOnly[i] = t2 - t1;
                }
            }
            System.out.println("| measure (" + runs + " reads, pty, jSerialComm both ends) | p50 ms | p95 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|");
            row("read command → parsed IdCard (1,295-byte answer)", readOnly);
            row("whole card read: find + select + read + parse", total);
            System.out.printf("%nWire time of the 1,295-byte answer at 115200 baud 8N1: %.1f ms; target overhead ≤ 10 ms at p95.%n",
                    wireMs);
        }
    }

    private static void row(String name, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("| %s | %.2f | %.2f | %.2f | %.2f |%n", name, pct(s, 50), pct(s, 95), pct(s, 99),
                s[s.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, idx)] / 1e6;
    }
}
