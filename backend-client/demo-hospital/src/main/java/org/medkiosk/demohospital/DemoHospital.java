package org.medkiosk.demohospital;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The demo hospital: a real HL7 FHIR R4 server (HAPI plain server on embedded Jetty) bound to loopback only,
 * seeded with the roster patients and a bilingual hospital (see HospitalSeed). Start it, point the kiosk's FHIR client at
 * {@link #baseUrl()}, close it when done. Each instance has its own records, so tests do not share state.
 */
public final class DemoHospital implements AutoCloseable {
    /** One FHIR context per JVM: building it scans the model classes and is the costly part of a start. */
    private static volatile FhirContext sharedContext;

    private final Server jetty;
    private final int port;
    private final DemoLevers levers;
    private final RegistrationDesk desk;

    private DemoHospital(Server jetty, int port, DemoLevers levers, RegistrationDesk desk) {
        this.jetty = jetty;
        this.port = port;
        this.levers = levers;
        this.desk = desk;
    }

    /**
     * How the demo behaves.
     *
     * @param clock            what "today" and "now" are (schedules, holds, check-in); its zone is the hospital's
     * @param holdFor          how long a $hold keeps a number before it is released
     * @param slowPaymentDelay how long a payment code ending in 95 keeps the $pay answer waiting
     */
    public record Options(Clock clock, Duration holdFor, Duration slowPaymentDelay) {
        public Options {
            clock = clock == null ? Clock.systemDefaultZone() : clock;
            holdFor = holdFor == null ? Duration.ofMinutes(5) : holdFor;
            slowPaymentDelay = slowPaymentDelay == null ? Duration.ofSeconds(20) : slowPaymentDelay;
        }

        public static Options defaults() {
            return new Options(null, null, null);
        }

        public Options withClock(Clock c) {
            return new Options(c, holdFor, slowPaymentDelay);
        }

        public Options withHoldFor(Duration d) {
            return new Options(clock, d, slowPaymentDelay);
        }

        public Options withSlowPaymentDelay(Duration d) {
            return new Options(clock, holdFor, d);
        }
    }

    /** Starts on 127.0.0.1:{@code port} (0 = any free port) with the system clock. */
    public static DemoHospital start(int port) {
        return start(port, Options.defaults());
    }

    /**
     * Starts on 127.0.0.1:{@code port} (0 = any free port).
     *
     * @throws UncheckedIOException when the port is taken or Jetty cannot start
     */
    public static DemoHospital start(int port, Options options) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        HospitalClock clock = new HospitalClock(options.clock());
        HospitalRecords records = new HospitalRecords();
        HospitalSeed seed = new HospitalSeed(records, clock.getZone(), LocalDate.now(clock));
        seed.seed();
        Cashier cashier = new Cashier(records, clock, options.slowPaymentDelay());
        RegistrationDesk desk = new RegistrationDesk(records, clock, options.holdFor(), cashier);
        HospitalSeed.PAID_AT_KIOSK.forEach((appointment, key) -> records.get(org.hl7.fhir.r4.model.Appointment.class, appointment)
                .ifPresent(a -> cashier.seedCharge(key, seed.patientOf(appointment), appointment,
                        Ext.fen(a, Ext.REGISTRATION_FEE), "WECHAT_PAY")));
        DemoLevers levers = new DemoLevers(records, clock);

        RestfulServer fhir = new RestfulServer(context());
        fhir.setDefaultResponseEncoding(EncodingEnum.JSON);
        fhir.setResourceProviders(Providers.all(records, desk, cashier, new ReportDesk(records), clock, levers));
        fhir.setPlainProviders(levers);
        // Searches answer in one page of up to 1000 (every demo search fits); a smaller _count pages with next links.
        ca.uhn.fhir.rest.server.FifoMemoryPagingProvider paging = new ca.uhn.fhir.rest.server.FifoMemoryPagingProvider(200);
        paging.setDefaultPageSize(1000);
        paging.setMaximumPageSize(1000);
        fhir.setPagingProvider(paging);

        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("demo-hospital");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty, 1, 1);
        connector.setHost("127.0.0.1"); // loopback only: the demo holds no real data but must not be reachable
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath("/");
        ServletHolder holder = new ServletHolder(fhir);
        holder.setInitOrder(1); // initialise HAPI during start, not on the kiosk's first request
        handler.addServlet(holder, "/fhir/*");
        jetty.setHandler(handler);
        jetty.setStopTimeout(0); // no graceful drain: a kiosk's keep-alive connection must not delay shutdown
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // already failing; the start error is what matters
            }
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new UncheckedIOException("demo hospital port " + port + " is in use",
                        (BindException) (e instanceof BindException ? e : e.getCause()));
            }
            throw new UncheckedIOException("demo hospital failed to start", new java.io.IOException(e));
        }
        return new DemoHospital(jetty, connector.getLocalPort(), levers, desk);
    }

    private static FhirContext context() {
        FhirContext ctx = sharedContext;
        if (ctx == null) {
            synchronized (DemoHospital.class) {
                ctx = sharedContext;
                if (ctx == null) {
                    ctx = FhirContext.forR4();
                    sharedContext = ctx;
                }
            }
        }
        return ctx;
    }

    /** {@code http://127.0.0.1:PORT/fhir}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/fhir";
    }

    public int port() {
        return port;
    }

    // ---- levers (the same as the $demo- operations over HTTP; see backend-client/README.md) -----------------

    /** The hospital's now: the start clock shifted by every {@link #advanceClock}/{@link #setClock}. */
    public Instant now() {
        return levers.now();
    }

    /** Moves the hospital's clock (holds, slot periods, check-in days, refund rules); negative moves it back. */
    public void advanceClock(Duration by) {
        levers.advance(by);
    }

    /** Sets the hospital's clock to {@code now} (it keeps running from there). */
    public void setClock(Instant now) {
        levers.set(now);
    }

    /** Every hold lapses now and its number goes back to the slot; answers how many holds lapsed. */
    public int expireHolds() {
        return desk.expireHolds();
    }

    /** Someone else takes every number left in the slot, so a later $book of a lapsed hold on it is a 409. */
    public void takeSlot(String slotId) {
        desk.takeAll(slotId);
    }

    /** Issues a fresh unpaid invoice of {@code amount} for the patient on a new visit; answers its id. */
    public String issueInvoice(String patientId, org.medkiosk.hospital.Money amount) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive");
        }
        return levers.issueInvoice(patientId, amount.fen(), null).getIdElement().getIdPart();
    }

    public boolean isRunning() {
        return jetty.isRunning();
    }

    /** Blocks the calling thread until the server stops (used by the standalone command). */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        if (jetty.isStopped()) {
            return;
        }
        try {
            jetty.stop();
        } catch (java.util.concurrent.TimeoutException e) {
            // Jetty gave up waiting for open connections; the connector is closed all the same.
        } catch (Exception e) {
            throw new IllegalStateException("demo hospital did not stop cleanly", e);
        }
    }
}
