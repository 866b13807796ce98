package org.medkiosk.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.journey.identify.IdentifyJourney;
import org.medkiosk.journey.identify.IdentitySource;
import org.medkiosk.app.logging.SensitiveValues;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.hospital.Sex;

/**
 * Session rules without a screen. The journey runs on an executor the test drains by hand, so the race
 * "patient walks away while the hospital is still answering" can be played exactly.
 */
class KioskViewModelTest {
    static final Patient ZHANG = new Patient("pat-1", "张三明", Sex.MALE, null, "MR100001", null, List.of());
    static final org.medkiosk.hospital.UnpaidInvoice BILL = new org.medkiosk.hospital.UnpaidInvoice("inv-1", "pat-1",
            org.medkiosk.hospital.LocalizedText.of("检验费", "Laboratory tests"), java.time.LocalDate.of(2026, 11, 21), List.of(),
            org.medkiosk.hospital.Money.ofYuan("55"), new org.medkiosk.hospital.Visit("enc-1", java.time.LocalDate.of(2026, 11, 21),
            org.medkiosk.hospital.LocalizedText.of("内科", "Internal Medicine"), null));

    final Deque<Runnable> background = new ArrayDeque<>();
    final MutableClock clock = new MutableClock();
    Optional<Patient> answer = Optional.of(ZHANG);
    RuntimeException failure;

    final HospitalBackend backend = (HospitalBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {HospitalBackend.class}, (proxy, method, args) -> {
                if (method.getName().equals("unpaidInvoices")) {
                    return List.of(BILL);
                }
                if (method.getName().equals("balance")) {
                    throw new BackendException.NotFound("no prepaid account");
                }
                if (!method.getName().equals("findPatient")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                if (failure != null) {
                    throw failure;
                }
                return answer;
            });

    final TaskExecutor tasks = new TaskExecutor() {
        @Override
        public Executor background() {
            return background::add;
        }

        @Override
        public Executor ui() {
            return Runnable::run;
        }
    };

    final KioskConfig config = new KioskConfig(KioskConfig.demo().hospital(), KioskConfig.demo().screen(),
            new KioskConfig.Session(Duration.ofSeconds(60), Duration.ofSeconds(15)), KioskConfig.demo().backend(),
            KioskConfig.demo().idCardReader(), KioskConfig.demo().storage());
    final KioskViewModel vm = new KioskViewModel(new IdentifyJourney(backend, tasks), config, clock);

    void drain() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    /** JOURNEYS.md: the session timer never silently abandons money; it waits (up to the bound) while a payment is out. */
    @Test
    void theCountdownWaitsWhileMoneyIsInFlightThenEndsAtTheBound(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
        vm.present(PatientIdentifier.residentId("110101198503071235"), IdentitySource.ID_CARD);
        drain();
        try (org.medkiosk.journey.JourneyEngine engine = org.medkiosk.journey.JourneyEngine.open(
                new org.medkiosk.journey.JourneyEngine.Parts(data, backend, Optional.empty(), locale -> null, tasks, clock,
                        org.medkiosk.journey.payment.PaymentRules.standard(), d -> { }, org.medkiosk.journey.JourneySettings.defaults(),
                        org.medkiosk.journal.CrashPoint.none()))) {
            vm.journeysReady(engine, Duration.ofSeconds(90));
            vm.openService(Service.PAY);
            drain();
            ((org.medkiosk.app.viewmodel.PayBillsViewModel) vm.journey().orElseThrow()).payByWallet();
            vm.walletCode(new org.medkiosk.journey.payment.WalletCode("134567890123456710", org.medkiosk.hospital.PaymentMethod.WECHAT_PAY));
            // The payment step is queued, not yet answered: money is in flight.
            assertTrue(vm.journey().orElseThrow().moneyInFlight());
            clock.advance(Duration.ofSeconds(75)); // past the 60 s inactivity timeout
            vm.tick();
            assertTrue(vm.sessionOpen(), "the session waits for the payment");
            assertFalse(vm.countdownVisibleProperty().get());
            clock.advance(Duration.ofSeconds(80)); // past the bound as well: the patient has long gone
            vm.tick();
            vm.tick();
            clock.advance(Duration.ofSeconds(61));
            vm.tick();
            assertFalse(vm.sessionOpen(), "after the bound the session ends; the journal settles the payment");
            assertInstanceOf(KioskScreen.Idle.class, vm.screen());
        }
    }

    @Test
    void aKnownPatientGetsTheirMaskedHomeAndTimeoutForgetsThem() {
        vm.present(PatientIdentifier.residentId("110101198503071235"), IdentitySource.ID_CARD);
        assertInstanceOf(KioskScreen.LookingUp.class, vm.screen());
        drain();
        KioskScreen.Home home = assertInstanceOf(KioskScreen.Home.class, vm.screen());
        assertEquals("张*明", home.maskedName());
        assertEquals(Service.values().length, home.services().size());
        assertTrue(SensitiveValues.current().contains("张三明"));

        clock.advance(Duration.ofSeconds(44));
        vm.tick();
        assertFalse(vm.countdownVisibleProperty().get());
        clock.advance(Duration.ofSeconds(2));
        vm.tick();
        assertTrue(vm.countdownVisibleProperty().get());
        assertEquals(14, vm.countdownSecondsProperty().get());
        vm.touch();
        assertFalse(vm.countdownVisibleProperty().get(), "a touch hides the countdown");
        clock.advance(Duration.ofSeconds(59));
        vm.tick();
        assertTrue(vm.patient().isPresent(), "the touch restarted the wait");
        clock.advance(Duration.ofSeconds(1));
        vm.tick();
        assertInstanceOf(KioskScreen.Idle.class, vm.screen());
        assertTrue(vm.patient().isEmpty());
        assertTrue(SensitiveValues.current().isEmpty());
        assertFalse(vm.sessionOpen());
    }

    @Test
    void anAnswerArrivingAfterTheSessionEndedIsDropped() {
        vm.present(PatientIdentifier.residentId("110101198503071235"), IdentitySource.ID_CARD);
        clock.advance(Duration.ofSeconds(61));
        vm.tick();   // walked away while the hospital was slow
        assertInstanceOf(KioskScreen.Idle.class, vm.screen());
        drain();     // the late answer
        assertInstanceOf(KioskScreen.Idle.class, vm.screen(), "a late answer must not bring the patient back");
        assertTrue(vm.patient().isEmpty());
    }

    @Test
    void unknownAndUnavailableGiveNoticesWithAdvice() {
        answer = Optional.empty();
        vm.present(PatientIdentifier.residentId("110105200001019993"), IdentitySource.ID_CARD);
        drain();
        assertEquals(new KioskScreen.Notice("notice.unknown.title", "notice.unknown.advice"), vm.screen());
        vm.endSession();

        failure = new BackendException.Unavailable("circuit open", null);
        vm.present(PatientIdentifier.residentId("110101198503071235"), IdentitySource.ID_CARD);
        drain();
        assertEquals(new KioskScreen.Notice("notice.unavailable.title", "notice.unavailable.advice"), vm.screen());
        assertTrue(vm.patient().isEmpty());
    }

    @Test
    void theNextPatientStartsInTheConfiguredLanguageAndTextSize() {
        vm.present(PatientIdentifier.residentId("110101198503071235"), IdentitySource.ID_CARD);
        drain();
        vm.switchLanguage();
        vm.toggleLargeText();
        assertFalse(I18n.isChinese());
        assertTrue(vm.largeTextProperty().get());
        vm.endSession();
        assertTrue(I18n.isChinese());
        assertFalse(vm.largeTextProperty().get());
    }

    @Test
    void aSecondCardDuringALookUpSupersedesItAndNobodysDataOpens() {
        vm.present(PatientIdentifier.residentId("110101198503071235"), IdentitySource.ID_CARD);
        vm.present(PatientIdentifier.residentId("110101195611021224"), IdentitySource.ID_CARD);
        assertEquals(new KioskScreen.Notice("notice.different-card.title", "notice.different-card.advice"), vm.screen());
        drain(); // the first look-up's answer arrives late: it was superseded and is dropped
        assertInstanceOf(KioskScreen.Notice.class, vm.screen());
        assertTrue(vm.patient().isEmpty(), "neither person's data opened");
    }

    @Test
    void aSecondCardDuringASessionIsRefusedAndTheSameCardAgainIsHarmless() {
        PatientIdentifier zhang = PatientIdentifier.residentId("110101198503071235");
        vm.present(zhang, IdentitySource.ID_CARD);
        drain();
        assertInstanceOf(KioskScreen.Home.class, vm.screen());
        vm.present(zhang, IdentitySource.ID_CARD);
        assertTrue(background.isEmpty(), "the same card again starts no look-up");
        assertEquals(null, vm.sessionNoticeProperty().get());
        vm.present(PatientIdentifier.residentId("110101195611021224"), IdentitySource.ID_CARD);
        assertTrue(background.isEmpty(), "another person's card is never looked up during a session");
        assertEquals("notice.different-card.title", vm.sessionNoticeProperty().get());
        assertEquals("pat-1", vm.patient().orElseThrow().id());
        assertInstanceOf(KioskScreen.Home.class, vm.screen());
    }

    @Test
    void anExpiredCardOrABadCheckDigitIsRefusedAtIdentification() {
        org.medkiosk.device.idcard.IdCard expired = org.medkiosk.device.idcard.IdCard.resident("张三明",
                org.medkiosk.device.idcard.Sex.MALE, "01", "19850307", "北京市", "110101198503071235", "北京市公安局",
                "20060101", "20160101");
        vm.presentIdCard(expired);
        assertEquals(new KioskScreen.Notice("notice.card-expired.title", "notice.card-expired.advice"), vm.screen());
        assertTrue(background.isEmpty(), "an expired card is not looked up");
        vm.endSession();
        org.medkiosk.device.idcard.IdCard badDigit = org.medkiosk.device.idcard.IdCard.resident("张三明",
                org.medkiosk.device.idcard.Sex.MALE, "01", "19850307", "北京市", "110101198503071234", "北京市公安局",
                "20160101", "长期");
        vm.presentIdCard(badDigit);
        assertEquals(new KioskScreen.Notice("notice.card-invalid.title", "notice.card-invalid.advice"), vm.screen());
        assertTrue(background.isEmpty());
        vm.endSession();
        org.medkiosk.device.idcard.IdCard good = org.medkiosk.device.idcard.IdCard.resident("张三明",
                org.medkiosk.device.idcard.Sex.MALE, "01", "19850307", "北京市", "110101198503071235", "北京市公安局",
                "20160101", "长期");
        vm.presentIdCard(good);
        drain();
        assertInstanceOf(KioskScreen.Home.class, vm.screen());
    }

    @Test
    void aWalletCodeWithNoJourneyWaitingIsRefusedNeverIgnored() {
        vm.walletCode(new org.medkiosk.journey.payment.WalletCode("134567890123456710",
                org.medkiosk.hospital.PaymentMethod.WECHAT_PAY));
        assertEquals(new KioskScreen.Notice("notice.payment-code-first.title", "notice.identify.advice"), vm.screen());
        vm.endSession();
        vm.present(PatientIdentifier.residentId("110101198503071235"), IdentitySource.ID_CARD);
        drain();
        vm.walletCode(new org.medkiosk.journey.payment.WalletCode("134567890123456710",
                org.medkiosk.hospital.PaymentMethod.WECHAT_PAY));
        assertEquals("notice.payment-code-not-here.title", vm.sessionNoticeProperty().get());
        vm.codeNotForIdentity(false);
        assertEquals("notice.code-not-usable-here.title", vm.sessionNoticeProperty().get());
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-21T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    // ---- issue 10: more time, take your card, the foreign resident's language -----------------------------------

    @Test
    void moreTimeKeepsTheSessionWithOneTap() {
        vm.present(PatientIdentifier.residentId("110101198503071235"), IdentitySource.ID_CARD);
        drain();
        clock.advance(Duration.ofSeconds(50));
        vm.tick();
        assertTrue(vm.countdownVisibleProperty().get(), "the countdown shows in the last 15 s");
        vm.moreTime();
        assertFalse(vm.countdownVisibleProperty().get());
        clock.advance(Duration.ofSeconds(50));
        vm.tick();
        assertTrue(vm.sessionOpen(), "60 s from the tap, not from the start");
        clock.advance(Duration.ofSeconds(11));
        vm.tick();
        assertFalse(vm.sessionOpen());
    }

    @Test
    void aCardLeftInTheReaderIsAskedForAndTheNextPatientStartsFresh() {
        vm.presentIdCard(org.medkiosk.device.idcard.DemoCards.ZHANG_SANMING);
        drain();
        vm.largeTextProperty().set(true);
        vm.switchLanguage();
        vm.endSession();
        KioskScreen.TakeYourCard take = assertInstanceOf(KioskScreen.TakeYourCard.class, vm.screen());
        assertEquals(java.util.Set.of(CardSlot.ID_CARD_READER), take.slots());
        assertTrue(vm.patient().isEmpty(), "the patient's data is gone while the card is taken");
        assertTrue(vm.largeTextProperty().get(), "still in the patient's text size while they take their card");
        vm.cardTaken(CardSlot.ID_CARD_READER);
        assertInstanceOf(KioskScreen.Idle.class, vm.screen());
        assertFalse(vm.largeTextProperty().get());
        assertTrue(org.medkiosk.app.i18n.I18n.isChinese(), "the next patient starts in the configured language");

        // no card left: straight to idle; a reader that cannot sense removal is dismissed by a tap
        vm.present(PatientIdentifier.residentId("110101198503071235"), IdentitySource.ID_CARD);
        drain();
        vm.endSession();
        assertInstanceOf(KioskScreen.Idle.class, vm.screen());
        vm.cardInserted(CardSlot.SMART_CARD_READER);
        vm.present(PatientIdentifier.residentId("110101198503071235"), IdentitySource.ID_CARD);
        drain();
        vm.endSession();
        assertInstanceOf(KioskScreen.TakeYourCard.class, vm.screen());
        vm.dismissTakeYourCard();
        assertInstanceOf(KioskScreen.Idle.class, vm.screen());
    }

    @Test
    void aForeignPermanentResidenceCardStartsInEnglish() {
        vm.presentIdCard(org.medkiosk.device.idcard.DemoCards.JOHN_SMITH);
        assertFalse(org.medkiosk.app.i18n.I18n.isChinese(), "a foreign permanent resident starts in English");
        drain();
        vm.endSession();
        vm.cardTaken(CardSlot.ID_CARD_READER);
        assertTrue(org.medkiosk.app.i18n.I18n.isChinese());
        vm.presentIdCard(org.medkiosk.device.idcard.DemoCards.ZHANG_SANMING);
        assertTrue(org.medkiosk.app.i18n.I18n.isChinese(), "a resident card keeps the configured language");
    }

    @Test
    void aStaffCardNeverOpensAPatientSession() {
        // Before the journal is open there is no staff desk either: the card gets a word, and opens nothing.
        vm.staffCardPresented("7100000001");
        KioskScreen.Notice notice = assertInstanceOf(KioskScreen.Notice.class, vm.screen());
        assertEquals("notice.services-starting.title", notice.titleKey());
        assertTrue(vm.patient().isEmpty());
        vm.present(PatientIdentifier.residentId("110101198503071235"), IdentitySource.ID_CARD);
        drain();
        vm.staffCardPresented("7100000001");
        assertEquals("notice.staff-card.title", vm.sessionNoticeProperty().get(), "a word inside the session");
        assertTrue(vm.patient().isPresent(), "the patient's session goes on");
    }
}
