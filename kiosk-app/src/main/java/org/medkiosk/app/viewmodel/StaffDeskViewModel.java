package org.medkiosk.app.viewmodel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientQuery;
import org.medkiosk.hospital.StaffCredentials;
import org.medkiosk.hospital.StaffMember;
import org.medkiosk.journey.assist.StaffDesk;
import org.medkiosk.journey.assist.StaffDeskState;

/**
 * The staff desk as its screen sees it: the sign-in pad (staff number and PIN, or a staff card on the reader), then
 * the patient search by name and birth date, phone, or medical record number, and the results to pick from. The
 * on-screen keypad types into the field last tapped; the PIN is held only until it is sent, and shown as dots.
 */
public final class StaffDeskViewModel {

    /** The fields the keypad can type into. */
    public enum Field {
        STAFF_NUMBER, PIN, NAME, BIRTH_DATE, PHONE, RECORD_NUMBER
    }

    /** How the nurse looks the patient up. */
    public enum SearchWay {
        NAME_AND_BIRTH_DATE, PHONE, RECORD_NUMBER
    }

    private static final int MAX_DIGITS = 20;

    private final StaffDesk desk;
    private final Consumer<Patient> actFor;
    private final Runnable leave;
    private final ObjectProperty<StaffDeskState> state;
    private final ObjectProperty<Field> activeField = new SimpleObjectProperty<>(Field.STAFF_NUMBER);
    private final ObjectProperty<SearchWay> way = new SimpleObjectProperty<>(SearchWay.PHONE);
    private final StringProperty staffNumber = new SimpleStringProperty("");
    private final StringBuilder pin = new StringBuilder();
    private final StringProperty pinDots = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty birthDate = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty recordNumber = new SimpleStringProperty("");
    /** An i18n key: what is wrong with what was typed (before anything is sent); null for nothing. */
    private final StringProperty inputProblem = new SimpleStringProperty();

    /**
     * @param actFor the kiosk opens the picked patient's session (assisted)
     * @param leave  back to the lobby (before sign-in) or sign-out (after)
     */
    public StaffDeskViewModel(StaffDesk desk, Consumer<Patient> actFor, Runnable leave) {
        this.desk = desk;
        this.actFor = actFor;
        this.leave = leave;
        this.state = new SimpleObjectProperty<>(desk.state());
        desk.onChange(next -> {
            state.set(next);
            if (next instanceof StaffDeskState.FindPatient || next instanceof StaffDeskState.SignIn) {
                activeField.set(next instanceof StaffDeskState.SignIn ? Field.STAFF_NUMBER : firstFieldOf(way.get()));
            }
        });
    }

    public ReadOnlyObjectProperty<StaffDeskState> stateProperty() {
        return state;
    }

    public StaffDeskState state() {
        return state.get();
    }

    public Optional<StaffMember> staff() {
        return desk.staff();
    }

    public ObjectProperty<Field> activeFieldProperty() {
        return activeField;
    }

    public ReadOnlyObjectProperty<SearchWay> wayProperty() {
        return way;
    }

    public StringProperty staffNumberProperty() {
        return staffNumber;
    }

    public StringProperty pinDotsProperty() {
        return pinDots;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The birth date as typed (digits, YYYYMMDD). */
    public StringProperty birthDateProperty() {
        return birthDate;
    }

    /** The birth date as the nurse reads it back: 1985-03-07, filling in as digits come. */
    public StringBinding birthDateShown() {
        return Bindings.createStringBinding(() -> {
            String d = birthDate.get();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < d.length(); i++) {
                if (i == 4 || i == 6) {
                    out.append('-');
                }
                out.append(d.charAt(i));
            }
            return out.toString();
        }, birthDate);
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty recordNumberProperty() {
        return recordNumber;
    }

    public StringProperty inputProblemProperty() {
        return inputProblem;
    }

    /** How the patient now acted for was found, for the audit. */
    public StaffDesk.Found foundBy() {
        return switch (way.get()) {
            case NAME_AND_BIRTH_DATE -> StaffDesk.Found.BY_NAME_AND_BIRTH_DATE;
            case PHONE -> StaffDesk.Found.BY_PHONE;
            case RECORD_NUMBER -> StaffDesk.Found.BY_MEDICAL_RECORD_NUMBER;
        };
    }

    public void chooseWay(SearchWay next) {
        way.set(next);
        activeField.set(firstFieldOf(next));
        inputProblem.set(null);
    }

    private static Field firstFieldOf(SearchWay w) {
        return switch (w) {
            case NAME_AND_BIRTH_DATE -> Field.BIRTH_DATE;
            case PHONE -> Field.PHONE;
            case RECORD_NUMBER -> Field.RECORD_NUMBER;
        };
    }

    /** A key of the on-screen keypad, into the active field (the name is typed on a keyboard, never here). */
    public void digit(int d) {
        char c = (char) ('0' + d);
        inputProblem.set(null);
        switch (activeField.get()) {
            case STAFF_NUMBER -> append(staffNumber, c);
            case PIN -> {
                if (pin.length() < 12) {
                    pin.append(c);
                    pinDots.set("●".repeat(pin.length()));
                }
            }
            case BIRTH_DATE -> {
                if (birthDate.get().length() < 8) {
                    birthDate.set(birthDate.get() + c);
                }
            }
            case PHONE -> append(phone, c);
            case RECORD_NUMBER -> append(recordNumber, c);
            case NAME -> { }
        }
    }

    private static void append(StringProperty field, char c) {
        if (field.get().length() < MAX_DIGITS) {
            field.set(field.get() + c);
        }
    }

    public void deleteDigit() {
        switch (activeField.get()) {
            case STAFF_NUMBER -> dropLast(staffNumber);
            case PIN -> {
                if (pin.length() > 0) {
                    pin.setLength(pin.length() - 1);
                    pinDots.set("●".repeat(pin.length()));
                }
            }
            case NAME -> dropLast(name);
            case BIRTH_DATE -> dropLast(birthDate);
            case PHONE -> dropLast(phone);
            case RECORD_NUMBER -> dropLast(recordNumber);
        }
    }

    private static void dropLast(StringProperty field) {
        String v = field.get();
        if (!v.isEmpty()) {
            field.set(v.substring(0, v.length() - 1));
        }
    }

    /** Sends the staff number and PIN to the hospital; the PIN is forgotten here at once. */
    public void signIn() {
        if (staffNumber.get().isBlank()) {
            inputProblem.set(org.medkiosk.app.i18n.I18n.key("staff.signin.need-number"));
            activeField.set(Field.STAFF_NUMBER);
            return;
        }
        if (pin.length() == 0) {
            inputProblem.set(org.medkiosk.app.i18n.I18n.key("staff.signin.need-pin"));
            activeField.set(Field.PIN);
            return;
        }
        StaffCredentials credentials = new StaffCredentials.StaffNumberAndPin(staffNumber.get(), pin.toString());
        forgetPin();
        inputProblem.set(null);
        desk.signIn(credentials);
    }

    private void forgetPin() {
        for (int i = 0; i < pin.length(); i++) {
            pin.setCharAt(i, '\0');
        }
        pin.setLength(0);
        pinDots.set("");
    }

    /** Searches the hospital the chosen way; a value that cannot be right is refused here with what to type. */
    public void search() {
        PatientQuery query;
        try {
            query = switch (way.get()) {
                case NAME_AND_BIRTH_DATE -> new PatientQuery.ByNameAndBirthDate(name.get(), parsedBirthDate());
                case PHONE -> new PatientQuery.ByPhone(phone.get());
                case RECORD_NUMBER -> new PatientQuery.ByMedicalRecordNumber(recordNumber.get());
            };
        } catch (IllegalArgumentException | DateTimeException e) {
            inputProblem.set(switch (way.get()) {
                case NAME_AND_BIRTH_DATE -> name.get().isBlank() ? org.medkiosk.app.i18n.I18n.key("staff.search.need-name")
                        : org.medkiosk.app.i18n.I18n.key("staff.search.need-birth-date");
                case PHONE -> org.medkiosk.app.i18n.I18n.key("staff.search.need-phone");
                case RECORD_NUMBER -> org.medkiosk.app.i18n.I18n.key("staff.search.need-record-number");
            });
            return;
        }
        inputProblem.set(null);
        desk.find(query);
    }

    private LocalDate parsedBirthDate() {
        String d = birthDate.get();
        if (d.length() != 8) {
            throw new IllegalArgumentException("birth date is YYYYMMDD");
        }
        return LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)),
                Integer.parseInt(d.substring(6, 8)));
    }

    /** The nurse picked the patient beside them from the results. */
    public void pick(Patient patient) {
        if (state.get() instanceof StaffDeskState.Found found && found.patients().contains(patient)) {
            clearSearch();
            actFor.accept(patient);
        }
    }

    /** A new search starts empty: the last one's name, date, phone or number is the last patient's. */
    public void newSearch() {
        clearSearch();
        desk.newSearch();
    }

    /** Back (before sign-in) or sign out (after): what was typed goes with it. */
    public void leave() {
        forgetPin();
        staffNumber.set("");
        clearSearch();
        leave.run();
    }

    /** The search fields hold the last patient's details: emptied once a patient is picked or the nurse leaves. */
    public void clearSearch() {
        name.set("");
        birthDate.set("");
        phone.set("");
        recordNumber.set("");
        inputProblem.set(null);
    }
}
