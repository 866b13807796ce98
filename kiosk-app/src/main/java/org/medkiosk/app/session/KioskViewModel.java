package org.medkiosk.app.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.journey.identify.IdentifyJourney;
import org.medkiosk.journey.identify.IdentifyOutcome;
import org.medkiosk.journey.identify.IdentitySource;
import org.medkiosk.app.logging.SensitiveValues;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's top-level state: which screen shows, whose session is open, the inactivity countdown,
 * language and text size. Lives on the UI thread; device events and backend answers are handed to it there.
 * When a session ends, everything about the patient is dropped here, so nothing can linger in the scene.
 */
public final class KioskViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(KioskViewModel.class);

    private final IdentifyJourney identify;
    private final Clock clock;
    private final KioskConfig.Session sessionSettings;
    private final Locale defaultLocale;
    private final boolean defaultLargeText;

    private final ObjectProperty<KioskScreen> screen = new SimpleObjectProperty<>(new KioskScreen.Idle());
    private final IntegerProperty countdownSeconds = new SimpleIntegerProperty(0);
    private final BooleanProperty countdownVisible = new SimpleBooleanProperty(false);
    private final BooleanProperty largeText = new SimpleBooleanProperty(false);

    private InactivityTimer timer;
    private Patient patient;
    /** Bumped at every session start and end so a late backend answer for a gone patient is dropped. */
    private long epoch;

    public KioskViewModel(IdentifyJourney identify, KioskConfig config, Clock clock) {
        this.identify = identify;
        this.clock = clock;
        this.sessionSettings = config.session();
        this.defaultLocale = config.screen().language();
        this.defaultLargeText = config.screen().largeText();
        this.largeText.set(defaultLargeText);
        I18n.setLocale(defaultLocale);
    }

    public ReadOnlyObjectProperty<KioskScreen> screenProperty() {
        return screen;
    }

    public KioskScreen screen() {
        return screen.get();
    }

    public ReadOnlyIntegerProperty countdownSecondsProperty() {
        return countdownSeconds;
    }

    public ReadOnlyBooleanProperty countdownVisibleProperty() {
        return countdownVisible;
    }

    public BooleanProperty largeTextProperty() {
        return largeText;
    }

    /** The patient of the open session, for journeys; empty on the idle screen. */
    public Optional<Patient> patient() {
        return Optional.ofNullable(patient);
    }

    public boolean sessionOpen() {
        return timer != null;
    }

    /** A card was read or a code scanned: look the patient up, replacing any previous patient's session. */
    public void present(PatientIdentifier identifier, IdentitySource source) {
        if (screen.get() instanceof KioskScreen.LookingUp) {
            LOG.debug("ignoring {} while a look-up is running", source);
            return;
        }
        clearPatient();
        long myEpoch = ++epoch;
        startTimer();
        screen.set(new KioskScreen.LookingUp(source));
        identify.identify(identifier).thenAccept(outcome -> {
            if (myEpoch != epoch) {
                LOG.info("dropping a look-up answer that arrived after its session ended");
                return;
            }
            show(outcome);
        });
    }

    private void show(IdentifyOutcome outcome) {
        if (outcome instanceof IdentifyOutcome.Identified found) {
            patient = found.patient();
            SensitiveValues.register(patient.name());
            screen.set(new KioskScreen.Home(patient.maskedName(), Arrays.asList(Service.values())));
            LOG.info("session opened for {}", patient);
        } else if (outcome instanceof IdentifyOutcome.UnknownPatient) {
            screen.set(new KioskScreen.Notice(I18n.key("notice.unknown.title"), I18n.key("notice.unknown.advice")));
        } else {
            screen.set(new KioskScreen.Notice(I18n.key("notice.unavailable.title"), I18n.key("notice.unavailable.advice")));
        }
    }

    /** A card was on the reader but could not be read (pulled too early, dirty, unknown type). */
    public void cardUnreadable() {
        if (screen.get() instanceof KioskScreen.Idle || screen.get() instanceof KioskScreen.Notice) {
            startTimer();
            screen.set(new KioskScreen.Notice(I18n.key("notice.card-unreadable.title"), I18n.key("notice.card-unreadable.advice")));
        }
    }

    /**
     * A code was scanned that does not say who the patient is (a wallet code, a lab barcode…). A wallet code
     * is a one-time secret: it is not kept; the patient is told to identify first.
     */
    public void codeNotForIdentity(boolean paymentCode) {
        if (patient != null) {
            return; // journeys that take codes (pay, print reports) will consume them here
        }
        startTimer();
        screen.set(paymentCode
                ? new KioskScreen.Notice(I18n.key("notice.payment-code-first.title"), I18n.key("notice.identify.advice"))
                : new KioskScreen.Notice(I18n.key("notice.code-not-identity.title"), I18n.key("notice.identify.advice")));
    }

    /** Patient tapped "start" on the idle screen without a card: the home of a not-yet-identified visitor. */
    public void tapToStart() {
        if (screen.get() instanceof KioskScreen.Idle) {
            startTimer();
            screen.set(new KioskScreen.Notice(I18n.key("notice.identify.title"), I18n.key("notice.identify.advice")));
        }
    }

    /** Any touch or key press. */
    public void touch() {
        if (timer != null) {
            timer.touch(clock.instant());
            countdownVisible.set(false);
        }
    }

    /** Called once a second by the view's ticker. */
    public void tick() {
        if (timer == null) {
            return;
        }
        Instant now = clock.instant();
        if (timer.expired(now)) {
            LOG.info("session ended: inactivity");
            endSession();
            return;
        }
        boolean counting = timer.inCountdown(now);
        countdownSeconds.set((int) Math.ceil(timer.remaining(now).toMillis() / 1000.0));
        countdownVisible.set(counting);
    }

    /** "Finish" pressed, timeout, or a new card: back to idle with no trace of the patient. */
    public void endSession() {
        epoch++;
        clearPatient();
        timer = null;
        countdownVisible.set(false);
        countdownSeconds.set(0);
        screen.set(new KioskScreen.Idle());
        // Each patient chooses their own language and text size; the next one starts from the defaults.
        largeText.set(defaultLargeText);
        I18n.setLocale(defaultLocale);
    }

    public void switchLanguage() {
        I18n.setLocale(I18n.isChinese() ? I18n.ENGLISH : I18n.CHINESE);
        touch();
    }

    public void toggleLargeText() {
        largeText.set(!largeText.get());
        touch();
    }

    private void startTimer() {
        timer = new InactivityTimer(sessionSettings.timeout(), sessionSettings.countdown(), clock.instant());
        countdownVisible.set(false);
    }

    private void clearPatient() {
        patient = null;
        SensitiveValues.clear();
    }
}
