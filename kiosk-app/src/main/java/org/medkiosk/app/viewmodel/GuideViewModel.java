package org.medkiosk.app.viewmodel;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.medkiosk.hospital.HospitalPlace;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.journey.guide.AgeGroup;
import org.medkiosk.journey.guide.BodyRegion;
import org.medkiosk.journey.guide.DepartmentGuide;
import org.medkiosk.journey.guide.GuideRules;
import org.medkiosk.journey.guide.GuideState;

/**
 * The department guide (导诊) as its screen sees it: the guide's state as a property, and the visitor's taps passed
 * on. Serves a patient from home (one tap registers at a suggested department) and a visitor from the idle screen
 * (who is told to identify first).
 */
public final class GuideViewModel {
    private final Guidance guidance;
    private final DepartmentGuide guide;
    private final boolean identified;
    private final Consumer<String> registerAt;
    private final Runnable leave;
    private final SimpleObjectProperty<GuideState> state;

    /**
     * @param registerAt opens registration at a department code (used only when {@code identified})
     * @param leave      back home for a patient, back to the lobby for a visitor
     */
    public GuideViewModel(Guidance guidance, boolean identified, Consumer<String> registerAt, Runnable leave) {
        this.guidance = guidance;
        this.guide = new DepartmentGuide(guidance.rules(), guidance.backend(), guidance.tasks(), guidance.clock(),
                guidance.emergencyDirections());
        this.identified = identified;
        this.registerAt = registerAt;
        this.leave = leave;
        this.state = new SimpleObjectProperty<>(guide.state());
        guide.onChange(state::set);
    }

    public ReadOnlyObjectProperty<GuideState> stateProperty() {
        return state;
    }

    public GuideState state() {
        return state.get();
    }

    public GuideRules rules() {
        return guidance.rules();
    }

    /** Whether the patient is identified (registration is one tap) or a visitor (told to identify first). */
    public boolean identified() {
        return identified;
    }

    public Optional<LocalizedText> departmentName(String code) {
        return guidance.departmentName(code);
    }

    /** Where the emergency department is, for the red-flag screen's floor and room and its map. */
    public Optional<HospitalPlace> emergencyDepartment() {
        return guidance.emergencyDepartment();
    }

    public Guidance guidance() {
        return guidance;
    }

    public void ageGroup(AgeGroup a) {
        guide.ageGroup(a);
    }

    public void region(BodyRegion r) {
        guide.region(r);
    }

    public void toggleSymptom(String id) {
        guide.toggleSymptom(id);
    }

    public void suggest() {
        guide.suggest();
    }

    public void back() {
        guide.back();
    }

    public void startOver() {
        guide.startOver();
    }

    public void register(String departmentCode) {
        if (identified) {
            registerAt.accept(departmentCode);
        }
    }

    public void leave() {
        leave.run();
    }
}
