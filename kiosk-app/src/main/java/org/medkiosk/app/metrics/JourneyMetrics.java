package org.medkiosk.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.medkiosk.app.session.KioskScreen;
import org.medkiosk.app.viewmodel.JourneyViewModel;

/**
 * Counts journeys from the kiosk's screen (UI thread; counting never blocks): a journey starts when its screen
 * opens ({@code medkiosk_journeys_started_total{journey}}) and ends when the kiosk leaves it, which it does only by
 * leaving the journey (Home, Finish, timeout); its last state then says completed or abandoned
 * ({@link JourneyOutcome}). The journey label is the home tile's service (pay, check_in…), never anything of the
 * patient.
 */
final class JourneyMetrics {
    private final MeterRegistry registry;
    private JourneyViewModel<?> open;
    private String openService;

    JourneyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The kiosk's screen changed (UI thread). */
    void screenChanged(KioskScreen now) {
        JourneyViewModel<?> model = now instanceof KioskScreen.InJourney in ? in.model() : null;
        if (model == open) {
            return;
        }
        if (open != null) {
            counter(JourneyOutcome.completed(open.state()) ? "medkiosk.journeys.completed" : "medkiosk.journeys.abandoned",
                    openService).increment();
        }
        open = model;
        openService = model == null ? null : label(((KioskScreen.InJourney) now).service());
        if (model != null) {
            counter("medkiosk.journeys.started", openService).increment();
        }
    }

    /** Registers the three counters of a journey at zero, so a scrape shows them before the first patient. */
    void register(String journey) {
        counter("medkiosk.journeys.started", journey);
        counter("medkiosk.journeys.completed", journey);
        counter("medkiosk.journeys.abandoned", journey);
    }

    static String label(Enum<?> service) {
        return service.name().toLowerCase(Locale.ROOT);
    }

    private Counter counter(String name, String journey) {
        return Counter.builder(name).tag("journey", journey).register(registry);
    }
}
