package org.medkiosk.app.viewmodel;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.BooleanProperty;
import org.medkiosk.journey.Journey;
import org.medkiosk.journey.payment.WalletCode;

/**
 * A journey as its screens see it (MVVM): the journey's state as a JavaFX property, and the patient's choices
 * passed on to the journey. Views render {@link #stateProperty()} and call the subclass's commands, nothing else.
 * The journey delivers its states on the UI thread (the kiosk's TaskExecutor), so the properties change there.
 */
public abstract class JourneyViewModel<S> {
    protected final Journey<S> journey;
    private final ObjectProperty<S> state;
    private final BooleanProperty moneyInFlight = new SimpleBooleanProperty();

    protected JourneyViewModel(Journey<S> journey) {
        this.journey = journey;
        this.state = new SimpleObjectProperty<>(journey.state());
        journey.onChange(next -> {
            moneyInFlight.set(journey.moneyInFlight());
            state.set(next);
        });
    }

    public ReadOnlyObjectProperty<S> stateProperty() {
        return state;
    }

    public S state() {
        return state.get();
    }

    /** True while money moves: the patient cannot leave the screen and the session waits. */
    public ReadOnlyBooleanProperty moneyInFlightProperty() {
        return moneyInFlight;
    }

    public boolean moneyInFlight() {
        return journey.moneyInFlight();
    }

    /** Asks the hospital for what the first screen needs. */
    public abstract void start();

    public boolean awaitingWalletCode() {
        return journey.awaitingWalletCode();
    }

    /** A wallet code for this journey; false when it was not waiting for one. */
    public abstract boolean walletCode(WalletCode code);

    /** The patient left the journey or the session ended: the journey gives back what it holds. */
    public void abandon() {
        journey.abandon();
    }

    public Journey<S> journey() {
        return journey;
    }
}
