package org.medkiosk.device.idcard;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.medkiosk.device.link.DeviceHealth;
import org.medkiosk.device.link.Link;

/** A driver and a simulator on two ends of a link, and the driver's events in a queue. */
final class ReaderHarness implements AutoCloseable {

    /** Liveness bound only (not a speed assertion): generous for a loaded CI machine. */
    static final long WAIT_SECONDS = 20;

    final SamReaderSimulator simulator;
    final IdCardReader reader;
    final BlockingQueue<IdCardEvent> events = new LinkedBlockingQueue<>();

    ReaderHarness(Link hostEnd, Link deviceEnd) {
        simulator = new SamReaderSimulator(deviceEnd);
        simulator.start();
        IdCardReaderSettings settings = IdCardReaderSettings.defaults()
                .withPollInterval(Duration.ofMillis(20))
                .withTimeouts(Duration.ofMillis(400), Duration.ofMillis(800))
                .withReopenInterval(Duration.ofMillis(100));
        reader = new IdCardReader(hostEnd, settings, events::add);
        reader.start();
    }

    /** The next event that is not a health change. */
    IdCardEvent nextCardEvent() throws InterruptedException {
        return next(e -> !(e instanceof IdCardEvent.HealthChanged));
    }

    IdCardEvent next(Predicate<IdCardEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        java.util.List<IdCardEvent> skipped = new java.util.ArrayList<>();
        while (System.nanoTime() < deadline) {
            IdCardEvent e = events.poll(200, TimeUnit.MILLISECONDS);
            if (e != null && wanted.test(e)) {
                return e;
            }
            if (e != null) {
                skipped.add(e);
            }
        }
        fail("expected event did not arrive; health " + reader.health() + ", skipped " + skipped
                + ", simulator answered " + simulator.commandsAnswered());
        return null;
    }

    IdCard nextCard() throws InterruptedException {
        IdCardEvent e = nextCardEvent();
        if (!(e instanceof IdCardEvent.CardRead read)) {
            fail("expected a card, got " + e);
            return null;
        }
        return read.card();
    }

    DeviceHealth awaitHealth(Class<? extends DeviceHealth> kind) throws InterruptedException {
        if (kind.isInstance(reader.health())) {
            return reader.health();
        }
        IdCardEvent e = next(ev -> ev instanceof IdCardEvent.HealthChanged h && kind.isInstance(h.health()));
        assertNotNull(e);
        return ((IdCardEvent.HealthChanged) e).health();
    }

    /** Lets the reader poll at least {@code answers} more times; the count, not the clock, sets the wait. */
    void letReaderPoll(int answers) throws InterruptedException {
        int target = simulator.commandsAnswered() + answers;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (simulator.commandsAnswered() < target) {
            if (System.nanoTime() > deadline) {
                fail("reader stopped polling");
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        reader.close();
        simulator.close();
    }
}
