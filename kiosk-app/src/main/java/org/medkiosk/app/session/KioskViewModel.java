package org.medkiosk.app.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import org.medkiosk.app.viewmodel.CancelBookingViewModel;
import org.medkiosk.app.viewmodel.JourneyViewModel;
import org.medkiosk.app.viewmodel.PayBillsViewModel;
import org.medkiosk.app.viewmodel.RegistrationViewModel;
import org.medkiosk.app.viewmodel.TopUpViewModel;
import org.medkiosk.device.idcard.IdCard;
import org.medkiosk.device.idcard.IdNumberCheck;
import org.medkiosk.journey.JourneyEngine;
import org.medkiosk.journey.home.PendingTask;
import org.medkiosk.journey.PatientSession;
import org.medkiosk.journey.identify.IdCardIdentity;
import org.medkiosk.journey.payment.WalletCode;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.journey.identify.IdentifyJourney;
import org.medkiosk.journey.identify.IdentifyOutcome;
import org.medkiosk.journey.identify.IdentitySource;
import org.medkiosk.app.logging.SensitiveValues;
import org.medkiosk.app.viewmodel.CheckInViewModel;
import org.medkiosk.app.viewmodel.ReportsViewModel;
import org.medkiosk.app.viewmodel.QueriesViewModel;
import org.medkiosk.app.devices.DeviceAvailability;
import org.medkiosk.hospital.Appointment;
import org.medkiosk.hospital.SpecimenReports;
import org.medkiosk.hospital.IdentifierKind;
import java.util.function.Function;
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
    private final BooleanProperty highContrast = new SimpleBooleanProperty(false);
    private final boolean defaultHighContrast;
    /** A word to the patient inside their session (an i18n key), e.g. "a different card was presented"; null for none. */
    private final StringProperty sessionNotice = new SimpleStringProperty();

    /** Readers that hold a card now (from the drivers' read and removal events). */
    private final java.util.EnumSet<CardSlot> cardsIn = java.util.EnumSet.noneOf(CardSlot.class);
    /** The likely task of this session's patient, for the home card; refreshed each time home shows. */
    private final ObjectProperty<Optional<PendingTask>> pendingTask = new SimpleObjectProperty<>(Optional.empty());

    private InactivityTimer timer;
    private Patient patient;
    /** The identity being looked up or whose session is open; a different one is refused until the session ends. */
    private PatientIdentifier presented;
    private volatile JourneyEngine engine;
    private JourneyViewModel<?> journey;
    /** The patient session the open journey prints under; ended when the patient leaves the journey. */
    private PatientSession journeySession;
    /** How long the countdown waits while a journey has money in flight (the payment bound and the call timeouts). */
    private Duration moneyWaitBound = Duration.ofSeconds(60);
    private Instant moneyWaitingSince;
    /** Bumped at every session start and end so a late backend answer for a gone patient is dropped. */
    private long epoch;
    /** Makes technician mode's view model (PIN pad first); none until the kiosk's assembly provides it. */
    private java.util.function.Function<Runnable, org.medkiosk.app.viewmodel.TechnicianViewModel> technicianMode;
    /** The hidden gesture's taps (five on the hospital name within three seconds open the technician PIN pad). */
    private final java.util.ArrayDeque<Instant> technicianTaps = new java.util.ArrayDeque<>();
    public static final int TECHNICIAN_TAPS = 5;
    public static final Duration TECHNICIAN_TAP_WINDOW = Duration.ofSeconds(3);
    /** Nurse-assisted mode: the desk of the member of staff at the kiosk (signing in or signed in); null for none. */
    private org.medkiosk.journey.assist.StaffDesk staffDesk;
    private org.medkiosk.app.viewmodel.StaffDeskViewModel staffModel;
    /** The service of the open journey, for the staff audit. */
    private Service journeyService;
    private final ObjectProperty<Optional<ActingFor>> actingFor = new SimpleObjectProperty<>(Optional.empty());

    public KioskViewModel(IdentifyJourney identify, KioskConfig config, Clock clock) {
        this.identify = identify;
        this.clock = clock;
        this.sessionSettings = config.session();
        this.defaultLocale = config.screen().language();
        this.defaultLargeText = config.screen().largeText();
        this.largeText.set(defaultLargeText);
        this.defaultHighContrast = config.screen().highContrast();
        this.highContrast.set(defaultHighContrast);
        I18n.setLocale(defaultLocale);
    }

    /** The journeys become available once the journal database is open (after the idle screen shows). */
    public void journeysReady(JourneyEngine engine, Duration moneyWaitBound) {
        this.engine = engine;
        this.moneyWaitBound = moneyWaitBound;
    }

    // Which identity devices work now (the idle screen invites only those), and the typed-number keypad's timeout.
    private final DeviceAvailability deviceAvailability =
            new DeviceAvailability();

    /** Which identity devices work now (the idle screen invites only those); updated on the UI thread. */
    public DeviceAvailability deviceAvailability() {
        return deviceAvailability;
    }

    /** How long an untouched screen keeps what a patient entered (the keypad forgets a half-typed number after it). */
    public Duration sessionTimeout() {
        return sessionSettings.timeout();
    }

    /** A card in the smart-card reader could not be read (pulled too early, a PIN-locked or unknown card). */
    public void smartCardUnreadable() {
        if (screen.get() instanceof KioskScreen.Idle || screen.get() instanceof KioskScreen.Notice) {
            startTimer();
            screen.set(new KioskScreen.Notice(I18n.key("notice.smartcard-unreadable.title"),
                    I18n.key("notice.smartcard-unreadable.advice")));
        }
    }

    /**
     * A hospital staff card in the reader. It never opens a patient's session. At the lobby (or the staff sign-in pad)
     * it signs its holder in with the hospital; during a patient's own session it is refused with a word for the
     * patient standing there; with a nurse already signed in it changes nothing.
     */
    public void staffCardPresented(String cardNumber) {
        if (inTechnicianMode()) {
            ((KioskScreen.Technician) screen.get()).model().staffCardRead(); // that a staff card was read, not whose
            return;
        }
        if (staffSignedIn()) {
            LOG.info("a staff card was presented while staff are signed in: ignored");
            touch();
            return;
        }
        if (patient != null || screen.get() instanceof KioskScreen.LookingUp) {
            sessionNotice.set(I18n.key("notice.staff-card.title"));
            touch();
            return;
        }
        if (openStaffDesk()) {
            staffDesk.signIn(new org.medkiosk.hospital.StaffCredentials.StaffCard(cardNumber));
        }
    }

    // ---- nurse-assisted mode -----------------------------------------------------------------------------------

    /**
     * "Staff sign-in" on the lobby screen (or a staff card): the staff desk's sign-in pad. Not while a patient's
     * session is open: staff sign in at an empty kiosk, so no patient's data is ever behind the desk.
     */
    public boolean openStaffDesk() {
        if (screen.get() instanceof KioskScreen.Staff) {
            touch();
            return true;
        }
        if (patient != null || presented != null || inTechnicianMode()) {
            return false;
        }
        JourneyEngine e = engine;
        startTimer();
        if (e == null) {
            screen.set(new KioskScreen.Notice(I18n.key("notice.services-starting.title"),
                    I18n.key("notice.identify.advice")));
            return false;
        }
        staffDesk = e.staffDesk();
        staffModel = new org.medkiosk.app.viewmodel.StaffDeskViewModel(staffDesk, this::actFor, this::leaveStaffDesk);
        LOG.info("staff desk shown");
        screen.set(new KioskScreen.Staff(staffModel));
        return true;
    }

    /** Whether a nurse (or doctor) is signed in at the kiosk now. */
    public boolean staffSignedIn() {
        return staffDesk != null && staffDesk.staff().isPresent();
    }

    /** Who acts for whom, for the banner on the patient's screens; empty unless a nurse acts for a patient. */
    public ReadOnlyObjectProperty<Optional<ActingFor>> actingForProperty() {
        return actingFor;
    }

    /** The nurse picked a patient from the search: the patient's session opens, with the nurse acting. */
    private void actFor(Patient who) {
        if (!staffSignedIn() || patient != null) {
            return;
        }
        touch();
        epoch++;
        // What a card of someone else is compared with: this patient's record, never sent anywhere.
        presented = new PatientIdentifier(IdentifierKind.PATIENT_CARD, "record:" + who.id());
        sessionOpened(who, "by a nurse's search", staffModel.foundBy());
        showHome();
    }

    /** "Back" before sign-in, "Sign out" after it. */
    private void leaveStaffDesk() {
        if (staffSignedIn()) {
            signOutStaff("SIGNED_OUT");
        } else {
            staffDesk = null;
            staffModel = null;
            timer = null;
            countdownVisible.set(false);
            toIdle();
        }
    }

    /**
     * Sign-out (the button, inactivity, technician mode): the patient's session ends with it, then the lobby (or
     * "take your card" first, the staff card included).
     */
    public void signOutStaff(String reason) {
        if (staffDesk == null) {
            return;
        }
        org.medkiosk.journey.assist.StaffDesk desk = staffDesk;
        endPatientSession();
        desk.signOut(reason);
        staffDesk = null;
        staffModel = null;
        timer = null;
        countdownVisible.set(false);
        countdownSeconds.set(0);
        afterSession();
    }

    public ReadOnlyStringProperty sessionNoticeProperty() {
        return sessionNotice;
    }

    public void dismissSessionNotice() {
        sessionNotice.set(null);
        touch();
    }

    /** The journey on screen, if any. */
    public Optional<JourneyViewModel<?>> journey() {
        return Optional.ofNullable(journey);
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

    /** The high-contrast theme (white and yellow on black, >= 7:1), one tap in the header. */
    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    /** The patient of the open session, for journeys; empty on the idle screen. */
    public Optional<Patient> patient() {
        return Optional.ofNullable(patient);
    }

    public boolean sessionOpen() {
        return timer != null;
    }

    /**
     * An ID card was read. A card presented during a session or a look-up follows {@link #present}'s rule; otherwise
     * an expired card or one whose check digit fails is refused here with what to do.
     */
    public void presentIdCard(IdCard card) {
        cardsIn.add(CardSlot.ID_CARD_READER);
        if (inTechnicianMode()) {
            LOG.info("an ID card was read in technician mode: shown to the technician, masked");
            ((KioskScreen.Technician) screen.get()).model().idCardRead(card);
            return;
        }
        PatientIdentifier id = IdCardIdentity.of(card);
        if (busyWithSomeone()) {
            present(id, IdentitySource.ID_CARD);
            return;
        }

        if (card.idNumberCheck() == IdNumberCheck.INVALID) {
            LOG.info("ID card refused: the check digit does not match");
            refuse(I18n.key("notice.card-invalid.title"), I18n.key("notice.card-invalid.advice"));
        } else if (card.isExpired(LocalDate.now(clock))) {
            LOG.info("ID card refused: expired");
            refuse(I18n.key("notice.card-expired.title"), I18n.key("notice.card-expired.advice"));
        } else {
            present(id, IdentitySource.ID_CARD);
            if (card.cardType() == org.medkiosk.device.idcard.CardType.FOREIGN_PERMANENT_RESIDENCE_OLD
                    || card.cardType() == org.medkiosk.device.idcard.CardType.FOREIGN_PERMANENT_RESIDENCE_2023) {
                // A foreign permanent resident most likely reads English better than Chinese; the switch stays one tap.
                I18n.setLocale(I18n.ENGLISH);
            }
        }
    }

    private void refuse(String titleKey, String adviceKey) {
        clearPatient();
        epoch++;
        startTimer();
        screen.set(new KioskScreen.Notice(titleKey, adviceKey));
    }

    private boolean busyWithSomeone() {
        return presented != null && (patient != null || screen.get() instanceof KioskScreen.LookingUp);
    }

    /**
     * A card was read or a code scanned: look the patient up. One patient at a time (JOURNEYS.md): a different
     * identity during a session or a look-up never opens that person's data here; the same card again is harmless.
     */
    public void present(PatientIdentifier identifier, IdentitySource source) {
        if (inTechnicianMode()) {
            LOG.info("a {} was presented in technician mode: shown to the technician, masked", source);
            ((KioskScreen.Technician) screen.get()).model().identityPresented(identifier, source);
            return;
        }
        if (staffDesk != null && !staffSignedIn() && !busyWithSomeone()) {
            staffDesk = null; // the sign-in pad was open, nobody signed in: the patient's own card wins
            staffModel = null;
        }
        if (busyWithSomeone()) {
            if (identifier.equals(presented) || (patient != null && patient.identifiers().contains(identifier))) {
                touch();
                return;
            }
            LOG.info("a different {} was presented during a session or look-up: refused", source);
            if (screen.get() instanceof KioskScreen.LookingUp) {
                // Whose card is on the reader is now unclear: the running look-up is superseded and its answer dropped.
                refuse(I18n.key("notice.different-card.title"), I18n.key("notice.different-card.advice"));
                presented = null;
            } else {
                sessionNotice.set(I18n.key("notice.different-card.title"));
                touch();
            }
            return;
        }
        if (screen.get() instanceof KioskScreen.TakeYourCard) {
            resetChoices(); // the next patient, while the last one's card is still being taken
        }
        clearPatient();
        presented = identifier;
        long myEpoch = ++epoch;
        startTimer();
        screen.set(new KioskScreen.LookingUp(source));
        identify.identify(identifier).thenAccept(outcome -> {
            if (myEpoch != epoch) {
                LOG.info("dropping a look-up answer for a presentation that was superseded or whose session ended");
                return;
            }
            show(outcome);
        });
    }

    private void show(IdentifyOutcome outcome) {
        if (outcome instanceof IdentifyOutcome.Identified found) {
            sessionOpened(found.patient(), "by card or code", org.medkiosk.journey.assist.StaffDesk.Found.BY_CARD_OR_CODE);
            showHome();
            return;
        }
        presented = null;
        if (staffSignedIn()) {
            staffModel.clearSearch();
            sessionNotice.set(outcome instanceof IdentifyOutcome.UnknownPatient ? I18n.key("notice.unknown.title")
                    : I18n.key("notice.unavailable.title"));
            staffDesk.patientDone();
            screen.set(new KioskScreen.Staff(staffModel));
            return;
        }
        if (outcome instanceof IdentifyOutcome.UnknownPatient) {
            screen.set(new KioskScreen.Notice(I18n.key("notice.unknown.title"), I18n.key("notice.unknown.advice")));
        } else {
            screen.set(new KioskScreen.Notice(I18n.key("notice.unavailable.title"), I18n.key("notice.unavailable.advice")));
        }
    }

    /** A card is in a reader (read or not); the kiosk asks for it back when the session ends. */
    public void cardInserted(CardSlot slot) {
        cardsIn.add(slot);
    }

    /** A card left its reader; "take your card" goes away once every reader is empty. */
    public void cardTaken(CardSlot slot) {
        cardsIn.remove(slot);
        if (screen.get() instanceof KioskScreen.TakeYourCard) {
            if (cardsIn.isEmpty()) {
                toIdle();
            } else {
                screen.set(new KioskScreen.TakeYourCard(cardsIn));
            }
        }
    }

    /** The patient says the card is taken (a reader that cannot sense removal must not hold the screen). */
    public void dismissTakeYourCard() {
        if (screen.get() instanceof KioskScreen.TakeYourCard) {
            cardsIn.clear();
            toIdle();
        }
    }

    /** A card was on the reader but could not be read (pulled too early, dirty, unknown type). */
    public void cardUnreadable() {
        cardsIn.add(CardSlot.ID_CARD_READER);
        if (screen.get() instanceof KioskScreen.Idle || screen.get() instanceof KioskScreen.Notice) {
            startTimer();
            screen.set(new KioskScreen.Notice(I18n.key("notice.card-unreadable.title"), I18n.key("notice.card-unreadable.advice")));
        }
    }

    /**
     * A code was scanned that does not say who the patient is (a lab barcode…, or a wallet code no journey wants).
     * A wallet code is a one-time secret: it is not kept. Before identification the patient is told to identify
     * first; during a session they are told where the code can be used. Never silently ignored.
     */
    public void codeNotForIdentity(boolean paymentCode) {
        if (inTechnicianMode()) {
            ((KioskScreen.Technician) screen.get()).model().codeScanned(paymentCode); // a payment code: that one was scanned, nothing of it
            return;
        }
        if (patient != null || screen.get() instanceof KioskScreen.LookingUp) {
            sessionNotice.set(paymentCode ? I18n.key("notice.payment-code-not-here.title")
                    : I18n.key("notice.code-not-usable-here.title"));
            touch();
            return;
        }
        startTimer();
        screen.set(paymentCode
                ? new KioskScreen.Notice(I18n.key("notice.payment-code-first.title"), I18n.key("notice.identify.advice"))
                : new KioskScreen.Notice(I18n.key("notice.code-not-identity.title"), I18n.key("notice.identify.advice")));
    }

    /** A wallet payment code was scanned: it goes to the journey waiting for one, and nowhere else. */
    public void walletCode(WalletCode code) {
        if (journey != null && journey.awaitingWalletCode() && patient != null) {
            touch();
            sessionNotice.set(null);
            journey.walletCode(code);
            return;
        }
        codeNotForIdentity(true);
    }

    /** A home tile: opens its journey for the patient of this session. */
    public void openService(Service service) {
        JourneyEngine e = engine;
        if (service == Service.GUIDE) {
            openGuide();
            return;
        }
        if (service == Service.PRICES) {
            openPrices();
            return;
        }
        if (service == Service.HOSPITAL_INFO) {
            openHospitalInfo();
            return;
        }
        if (!readyToOpen(service)) {
            return;
        }
        Function<PatientSession, JourneyViewModel<?>> journeyFor = switch (service) {
            case REGISTER -> ps -> new RegistrationViewModel(e.registration(ps));
            case MY_BOOKINGS -> ps -> new CancelBookingViewModel(e.cancelBooking(ps));
            case PAY -> ps -> new PayBillsViewModel(e.payBills(ps));
            case TOP_UP -> ps -> new TopUpViewModel(e.topUp(ps));
            case CHECK_IN -> ps -> new CheckInViewModel(e.checkIn(ps));
            case PRINT_REPORTS -> ps -> new ReportsViewModel(e.reports(ps));
            case QUERIES -> ps -> new QueriesViewModel(e.queries(ps));
            case GUIDE, PRICES, HOSPITAL_INFO -> throw new IllegalStateException("not a journey: " + service);
        };
        openJourney(service, journeyFor);
    }

    // ---- guidance (issue 13): screens that need no identification ---------------------------------------------

    private org.medkiosk.app.viewmodel.Guidance guidance;
    private final BooleanProperty guideAvailable = new SimpleBooleanProperty(false);

    /** The kiosk's assembly provides the guidance screens' parts (the rules were checked at start-up). */
    public void guidance(org.medkiosk.app.viewmodel.Guidance parts) {
        this.guidance = parts;
        guideAvailable.bind(parts.guideAvailableProperty());
    }

    public Optional<org.medkiosk.app.viewmodel.Guidance> guidance() {
        return Optional.ofNullable(guidance);
    }

    /** False until the guide's rules passed the check against the hospital's departments, and when they failed it. */
    public ReadOnlyBooleanProperty guideAvailableProperty() {
        return guideAvailable;
    }

    /** Whether a guidance screen may open now: from the lobby (a visitor) or from home (no journey open). */
    private boolean readyForGuidance() {
        if (guidance == null || inTechnicianMode() || screen.get() instanceof KioskScreen.Staff
                || screen.get() instanceof KioskScreen.LookingUp) {
            return false;
        }
        if (patient == null) {
            if (!(screen.get() instanceof KioskScreen.Idle || screen.get() instanceof KioskScreen.Notice)) {
                return false;
            }
            // A visitor's short session: inactivity still brings the lobby back.
            startTimer();
        } else if (journey != null) {
            return false;
        } else {
            touch();
        }
        return true;
    }

    /** "Not sure which department?" (lobby) or the home tile: the department guide. */
    public void openGuide() {
        if (!guideAvailable.get() || !readyForGuidance()) {
            return;
        }
        sessionNotice.set(null);
        LOG.info("department guide shown ({})", patient == null ? "visitor" : "in a session");
        screen.set(new KioskScreen.Guide(new org.medkiosk.app.viewmodel.GuideViewModel(guidance, patient != null,
                this::registerAt, this::leaveGuidance)));
    }

    /** The price lookup, from the lobby or home. */
    public void openPrices() {
        if (!readyForGuidance()) {
            return;
        }
        sessionNotice.set(null);
        screen.set(new KioskScreen.Prices(new org.medkiosk.app.viewmodel.PriceLookupViewModel(guidance,
                this::leaveGuidance)));
    }

    /** Hospital information (departments, doctors, notices), from the lobby or home. */
    public void openHospitalInfo() {
        if (!readyForGuidance()) {
            return;
        }
        sessionNotice.set(null);
        screen.set(new KioskScreen.HospitalInfo(new org.medkiosk.app.viewmodel.HospitalInfoViewModel(guidance,
                patient != null, this::leaveGuidance)));
    }

    private org.medkiosk.app.viewmodel.FeedbackViewModel feedback;
    private JourneyViewModel<?> feedbackJourney;

    /** The open journey's satisfaction row (one per journey: a redraw keeps what was typed and tapped). */
    public Optional<org.medkiosk.app.viewmodel.FeedbackViewModel> feedback() {
        if (guidance == null || journey == null || journeyService == null) {
            return Optional.empty();
        }
        if (feedbackJourney != journey) {
            feedbackJourney = journey;
            feedback = new org.medkiosk.app.viewmodel.FeedbackViewModel(guidance, journeyService.name());
        }
        return Optional.of(feedback);
    }

    private org.medkiosk.app.viewmodel.WayfindingViewModel wayfinding;
    private String wayfindingFor;

    /** Where to go for a queue ticket (one look-up per ticket: a redraw keeps it). */
    public Optional<org.medkiosk.app.viewmodel.WayfindingViewModel> wayfinding(org.medkiosk.hospital.QueueTicket ticket) {
        if (guidance == null || ticket == null || journey == null) {
            return Optional.empty(); // a screen left behind by an ended session asks nothing of the hospital
        }
        return Optional.of(wayfindingOnce(ticket.appointmentId() + "|" + ticket.room(),
                () -> org.medkiosk.app.viewmodel.WayfindingViewModel.forQueueRoom(guidance, ticket.room())));
    }

    /** Where the clinic of a booked appointment is, worded for its day (one look-up per booking). */
    public Optional<org.medkiosk.app.viewmodel.WayfindingViewModel> wayfinding(Appointment booked,
                                                                              org.medkiosk.hospital.Department department) {
        if (guidance == null || booked == null || department == null || journey == null) {
            return Optional.empty();
        }
        LocalDate day = booked.start() == null ? null
                : booked.start().atZoneSameInstant(guidance.clock().getZone()).toLocalDate();
        return Optional.of(wayfindingOnce("booked|" + booked.id(), () -> org.medkiosk.app.viewmodel.WayfindingViewModel
                .forAppointment(guidance, department.id(), day)));
    }

    /**
     * Where to take printed reports: the clinic of the patient's appointment today. The home card's appointment when
     * it named one (no second question); otherwise today's appointments are asked for once, in the background.
     */
    public Optional<org.medkiosk.app.viewmodel.WayfindingViewModel> wayfindingAfterReports() {
        if (guidance == null || patient == null || journey == null) {
            return Optional.empty();
        }
        String patientId = patient.id();
        Optional<Appointment> known = pendingTask.get().filter(t -> t instanceof PendingTask.CheckIn)
                .map(t -> ((PendingTask.CheckIn) t).appointment());
        org.medkiosk.hospital.HospitalBackend backend = guidance.backend();
        Clock hospitalDay = guidance.clock();
        return Optional.of(wayfindingOnce("reports", () -> org.medkiosk.app.viewmodel.WayfindingViewModel.forReports(
                guidance, () -> known.or(() -> org.medkiosk.app.viewmodel.WayfindingViewModel.appointmentForReports(
                        backend.appointments(patientId, LocalDate.now(hospitalDay)), hospitalDay.instant()))
                        .map(Appointment::departmentId))));
    }

    /** One wayfinding per screen: a redraw (language, text size) keeps it; another screen's look-up is let go. */
    private org.medkiosk.app.viewmodel.WayfindingViewModel wayfindingOnce(String key,
            java.util.function.Supplier<org.medkiosk.app.viewmodel.WayfindingViewModel> lookUp) {
        if (!key.equals(wayfindingFor)) {
            if (wayfinding != null) {
                wayfinding.leave();
            }
            wayfindingFor = key;
            wayfinding = lookUp.get();
        }
        return wayfinding;
    }

    /** Home for a patient; the lobby for a visitor (nothing of what they chose stays). */
    private void leaveGuidance() {
        if (patient != null) {
            touch();
            sessionNotice.set(null);
            showHome();
        } else {
            endSession();
        }
    }

    /** The guide's "register here": registration opens at the suggested department's doctors (Back: the list). */
    private void registerAt(String departmentCode) {
        JourneyEngine e = engine;
        if (!(screen.get() instanceof KioskScreen.Guide) || !readyToOpen(Service.REGISTER)) {
            return;
        }
        openJourney(Service.REGISTER, ps -> new RegistrationViewModel(e.registration(ps), departmentCode));
    }

    /** The home card: one tap into the likely task (an appointment's check-in goes straight to that appointment). */
    public void openPendingTask() {
        JourneyEngine e = engine;
        if (pendingTask.get().isEmpty()) {
            return;
        }
        PendingTask task = pendingTask.get().get();
        if (task instanceof PendingTask.CheckIn checkIn) {
            if (readyToOpen(Service.CHECK_IN)) {
                String appointment = checkIn.appointment().id();
                openJourney(Service.CHECK_IN, ps -> new CheckInViewModel(e.checkIn(ps, appointment)));
            }
        } else if (task instanceof PendingTask.PayBills) {
            openService(Service.PAY);
        } else {
            openService(Service.PRINT_REPORTS);
        }
    }

    /** Whether a journey can open now; says "services are starting" when the journal is not open yet. */
    private boolean readyToOpen(Service service) {
        if (patient == null || !service.available() || journey != null) {
            return false;
        }
        touch();
        if (engine == null) {
            sessionNotice.set(I18n.key("notice.services-starting.title"));
            return false;
        }
        return true;
    }

    /**
     * Each journey has its own PatientSession: leaving the journey (Home) ends it, so a receipt is never printed
     * for a journey the patient left; the kiosk session goes on.
     */
    private void openJourney(Service service, Function<PatientSession, JourneyViewModel<?>> journeyFor) {
        PatientSession ps = new PatientSession(patient, I18n::locale);
        JourneyViewModel<?> model = journeyFor.apply(ps);
        journey = model;
        journeySession = ps;
        journeyService = service;
        sessionNotice.set(null);
        screen.set(new KioskScreen.InJourney(service, model));
        model.start();
    }

    /**
     * The hospital said who is at the kiosk: their name joins the log masker for as long as the session lasts. With a
     * nurse signed in, the session is an assisted one: audited, and the banner says who acts for whom.
     */
    private void sessionOpened(Patient who, String how, org.medkiosk.journey.assist.StaffDesk.Found found) {
        patient = who;
        SensitiveValues.register(who.name());
        LOG.info("session opened {} for {}", how, who);
        if (staffSignedIn()) {
            staffDesk.actFor(who, found);
            actingFor.set(Optional.of(new ActingFor(staffDesk.staff().get(), who.maskedName())));
        }
    }

    // A slip's appointment QR and a lab specimen barcode identify whose they
    // are. The hospital is asked in the background (never on the FX thread); the answer opens the session for that
    // patient and goes straight to the check-in / that specimen's reports. One patient at a time, as for cards.

    /** A registration slip's {@code MKAPT:} QR was scanned. */
    public void appointmentCode(String code) {
        scannedForJourney(code, Service.CHECK_IN);
    }

    /** A lab collection slip's specimen barcode was scanned. */
    public void specimenCode(String code) {
        scannedForJourney(code, Service.PRINT_REPORTS);
    }

    /** What the hospital answered for a scanned slip: whose it is and the journey it opens; null patient: unknown. */
    private record SlipAnswer(Patient patient, java.util.function.Function<PatientSession, JourneyViewModel<?>> journey) {
    }

    private void scannedForJourney(String code, Service service) {
        JourneyEngine e = engine;
        if (inTechnicianMode()) {
            LOG.info("a slip was scanned in technician mode: shown to the technician (its length only)");
            ((KioskScreen.Technician) screen.get()).model().slipScanned(code);
            return;
        }
        if (screen.get() instanceof KioskScreen.LookingUp) {
            // whose slip this is is unclear while someone else's card is being looked up: the same rule as a card
            LOG.info("a slip was scanned during a look-up: refused");
            refuse(I18n.key("notice.different-card.title"), I18n.key("notice.different-card.advice"));
            presented = null;
            return;
        }
        if (e == null) {
            if (patient != null) {
                sessionNotice.set(I18n.key("notice.services-starting.title"));
                touch();
            } else {
                startTimer();
                screen.set(new KioskScreen.Notice(I18n.key("notice.services-starting.title"),
                        I18n.key("notice.identify.advice")));
            }
            return;
        }
        boolean inSession = patient != null;
        long myEpoch = inSession ? epoch : ++epoch;
        if (inSession) {
            touch();
        } else {
            clearPatient();
            presented = slipIdentity(code);
            startTimer();
            screen.set(new KioskScreen.LookingUp(IdentitySource.QR_CODE));
        }
        java.util.concurrent.CompletableFuture
                .supplyAsync(() -> lookUpSlip(e, code, service), e.context().tasks().background())
                .whenCompleteAsync((answer, failure) -> {
                    if (myEpoch != epoch) {
                        LOG.info("dropping a slip look-up answer whose session ended or was superseded");
                        return;
                    }
                    slipAnswered(answer, failure, service, inSession);
                }, e.context().tasks().ui());
    }

    /** Blocking: the hospital's answer for a scanned slip. */
    private static SlipAnswer lookUpSlip(JourneyEngine e, String code, Service service) {
        if (service == Service.CHECK_IN) {
            Optional<Appointment> found = e.lookUpAppointment(code);
            if (found.isEmpty() || found.get().patientId() == null) {
                return new SlipAnswer(null, null);
            }
            Optional<Patient> who = e.context().backend().patient(found.get().patientId());
            if (who.isEmpty()) {
                return new SlipAnswer(null, null);
            }
            return new SlipAnswer(who.get(), ps -> new CheckInViewModel(e.checkIn(ps, code)));
        }
        Optional<SpecimenReports> found = e.lookUpSpecimen(code);
        if (found.isEmpty() || found.get().patient() == null) {
            return new SlipAnswer(null, null);
        }
        SpecimenReports reports = found.get();
        return new SlipAnswer(reports.patient(),
                ps -> new ReportsViewModel(e.specimenReports(ps, reports)));
    }

    private void slipAnswered(SlipAnswer answer, Throwable failure, Service service, boolean inSession) {
        boolean appointment = service == Service.CHECK_IN;
        if (failure != null || answer == null) {
            LOG.warn("slip look-up failed: {}", failure == null ? "no answer" : failure.toString());
            if (inSession) {
                sessionNotice.set(I18n.key("notice.unavailable.title"));
            } else {
                presented = null;
                screen.set(new KioskScreen.Notice(I18n.key("notice.unavailable.title"),
                        I18n.key("notice.unavailable.advice")));
            }
            return;
        }
        if (answer.patient() == null) {
            String title = appointment ? I18n.key("notice.appointment-unknown.title")
                    : I18n.key("notice.specimen-unknown.title");
            if (inSession) {
                sessionNotice.set(title);
            } else {
                presented = null;
                screen.set(new KioskScreen.Notice(title, appointment ? I18n.key("notice.appointment-unknown.advice")
                        : I18n.key("notice.specimen-unknown.advice")));
            }
            return;
        }
        if (inSession) {
            if (patient == null || !patient.id().equals(answer.patient().id())) {
                LOG.info("a slip of someone else was scanned during a session: refused");
                sessionNotice.set(I18n.key("notice.different-card.title"));
                return;
            }
            if (journey != null) {
                return; // the patient's own slip while a journey is open: the journey goes on undisturbed
            }
        } else {
            sessionOpened(answer.patient(), "from a scanned slip", org.medkiosk.journey.assist.StaffDesk.Found.BY_CARD_OR_CODE);
        }
        openJourney(service, answer.journey());
    }

    /** What "presented" holds for a slip: never sent anywhere, only compared with the next card or code. */
    private static PatientIdentifier slipIdentity(String code) {
        return new PatientIdentifier(IdentifierKind.PATIENT_CARD, "slip:" + code);
    }

    // ---- technician mode ---------------------------------------------------------------------------------------

    /** The kiosk's assembly provides technician mode: given "back to the lobby", a fresh view model (PIN pad first). */
    public void technicianMode(java.util.function.Function<Runnable, org.medkiosk.app.viewmodel.TechnicianViewModel> make) {
        this.technicianMode = make;
    }

    /** One tap of the hidden gesture (on the hospital name); the fifth within three seconds opens the PIN pad. */
    public void technicianTap() {
        Instant now = clock.instant();
        technicianTaps.addLast(now);
        while (!technicianTaps.isEmpty()
                && Duration.between(technicianTaps.peekFirst(), now).compareTo(TECHNICIAN_TAP_WINDOW) > 0) {
            technicianTaps.removeFirst();
        }
        if (technicianTaps.size() >= TECHNICIAN_TAPS) {
            technicianTaps.clear();
            requestTechnician();
        }
    }

    /**
     * The hidden gesture or (in hospital mode) the exit chord: the technician PIN pad. Any patient session ends
     * first, so nothing of the patient is in the scene behind or after it. Refused while money is in flight.
     */
    public void requestTechnician() {
        if (technicianMode == null || screen.get() instanceof KioskScreen.Technician) {
            return;
        }
        if (journey != null && journey.moneyInFlight()) {
            LOG.info("technician mode refused: a payment is being worked out");
            return;
        }
        if (sessionOpen() || patient != null || presented != null) {
            LOG.info("session ended: technician mode requested");
        }
        if (staffDesk != null) {
            signOutStaff("TECHNICIAN_MODE");
        }
        endSession();
        cardsIn.clear();
        resetChoices();
        startTimer();
        LOG.info("technician PIN pad shown");
        screen.set(new KioskScreen.Technician(technicianMode.apply(this::leaveTechnician)));
    }

    /** Back to the lobby from technician mode (the button, or inactivity). */
    public void leaveTechnician() {
        if (screen.get() instanceof KioskScreen.Technician technician) {
            technician.model().close();
            timer = null;
            countdownVisible.set(false);
            countdownSeconds.set(0);
            LOG.info("technician mode left");
            toIdle();
        }
    }

    private boolean inTechnicianMode() {
        return screen.get() instanceof KioskScreen.Technician;
    }

    /** Home from a journey; refused while money is in flight. */
    public void goHome() {
        touch();
        if (journey == null || patient == null) {
            return;
        }
        if (journey.moneyInFlight()) {
            return;
        }
        leaveJourney();
        sessionNotice.set(null);
        showHome();
    }

    /** The journey's session ends first, so whatever it has not printed becomes UNCOLLECTED, never printed later. */
    private void leaveJourney() {
        if (staffSignedIn()) {
            // The journey's last state is its outcome (CheckedIn, Paid, NotCharged…): a type name, never its data.
            staffDesk.journeyEnded(String.valueOf(journeyService), journey.state() == null ? "NONE"
                    : journey.state().getClass().getSimpleName(), patient);
        }
        journeyService = null;
        feedback = null;
        feedbackJourney = null;
        if (wayfinding != null) {
            wayfinding.leave(); // the journey's screen is gone: a late answer is dropped
        }
        wayfinding = null;
        wayfindingFor = null;
        journeySession.end();
        journey.abandon();
        journey = null;
        journeySession = null;
    }

    private void showHome() {
        screen.set(home());
        refreshPendingTask();
    }

    private KioskScreen.Home home() {
        return new KioskScreen.Home(patient.maskedName(), Arrays.asList(Service.values()));
    }

    /** The likely task of this session's patient for the home card; empty until the hospital answers, and on idle. */
    public ReadOnlyObjectProperty<Optional<PendingTask>> pendingTaskProperty() {
        return pendingTask;
    }

    /** Asks the hospital what is pending (in the background); the card changes only if the answer differs. */
    private void refreshPendingTask() {
        JourneyEngine e = engine;
        if (e == null || patient == null) {
            return;
        }
        long myEpoch = epoch;
        e.pendingTasks().lookUp(patient.id()).thenAccept(task -> {
            if (myEpoch != epoch || patient == null || !(screen.get() instanceof KioskScreen.Home)) {
                return;
            }
            // The home's card changes in place: rebuilding the screen would move the patient's finger target.
            pendingTask.set(task);
        });
    }

    /** Patient tapped "start" on the idle screen without a card: the home of a not-yet-identified visitor. */
    public void tapToStart() {
        if (screen.get() instanceof KioskScreen.Idle) {
            startTimer();
            screen.set(new KioskScreen.Notice(I18n.key("notice.identify.title"), I18n.key("notice.identify.advice")));
        }
    }

    /** "More time" on the countdown banner: the session goes on, one tap, no questions. */
    public void moreTime() {
        touch();
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
        if (journey != null && journey.moneyInFlight()) {
            // Never silently abandon money: the countdown waits while a payment is worked out, up to the bound.
            if (moneyWaitingSince == null) {
                moneyWaitingSince = now;
            }
            if (Duration.between(moneyWaitingSince, now).compareTo(moneyWaitBound) < 0) {
                timer.touch(now);
                countdownVisible.set(false);
                return;
            }
        } else {
            moneyWaitingSince = null;
        }
        if (timer.expired(now)) {
            if (staffDesk != null) {
                LOG.info("staff signed out: inactivity");
                signOutStaff("INACTIVITY");
                return;
            }
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
        if (inTechnicianMode()) {
            leaveTechnician();
            return;
        }
        if (staffSignedIn()) {
            // "Finish" in an assisted session: this patient is done, the nurse stays signed in for the next one.
            endPatientSession();
            staffDesk.patientDone();
            startTimer();
            afterSession();
            return;
        }
        if (staffDesk != null) {
            leaveStaffDesk();
            return;
        }
        endPatientSession();
        timer = null;
        countdownVisible.set(false);
        countdownSeconds.set(0);
        afterSession();
    }

    /** Everything of the patient leaves: the journey (audited when assisted), the look-up, the name, the notice. */
    private void endPatientSession() {
        epoch++;
        if (journey != null) {
            // Releases a held number; receipts not printed yet become UNCOLLECTED; money in flight is finished by
            // the journey's background step and, if the kiosk dies, by settlement.
            leaveJourney();
        }
        presented = null;
        moneyWaitingSince = null;
        sessionNotice.set(null);
        clearPatient();
    }

    /**
     * A card left in a reader would be the next person's to take: ask for it first (no patient data on it). The
     * patient taking their card still reads it in their language and text size; the reset waits for idle.
     */
    private void afterSession() {
        if (cardsIn.isEmpty()) {
            toIdle();
        } else {
            screen.set(new KioskScreen.TakeYourCard(cardsIn));
        }
    }

    /**
     * Idle for the next patient, who starts from the configured language, text size and contrast; with a nurse
     * signed in, the staff desk for the next patient instead (in the nurse's language).
     */
    private void toIdle() {
        if (staffSignedIn()) {
            screen.set(new KioskScreen.Staff(staffModel));
            return;
        }
        screen.set(new KioskScreen.Idle());
        resetChoices();
    }

    private void resetChoices() {
        largeText.set(defaultLargeText);
        highContrast.set(defaultHighContrast);
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
        actingFor.set(Optional.empty());
        pendingTask.set(Optional.empty());
        SensitiveValues.clear();
    }
}
