package org.medkiosk.app.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.hospital.StaffMember;
import org.medkiosk.hospital.StaffRole;

/**
 * The band above every screen of an assisted session: "护士 王芳（200101）正在为 张*明 办理", with Sign out. Anyone
 * looking at the screen sees that a nurse is acting, and for whom (the masked name, as on the home screen).
 */
final class ActingForBanner extends HBox {

    ActingForBanner(KioskViewModel vm) {
        setId("acting-for");
        getStyleClass().add("acting-for");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(16);
        Label words = new Label();
        words.setId("acting-for-text");
        words.setWrapText(true);
        words.setMinHeight(Region.USE_PREF_SIZE);
        words.textProperty().bind(Bindings.createStringBinding(() -> vm.actingForProperty().get()
                .map(a -> I18n.tr("staff.acting-for", staffWords(a.staff()), a.patientMaskedName())).orElse(""),
                vm.actingForProperty(), I18n.localeProperty()));
        HBox.setHgrow(words, Priority.ALWAYS);
        Button signOut = new Button();
        signOut.setId("acting-for-sign-out");
        signOut.getStyleClass().add("secondary-button");
        signOut.textProperty().bind(I18n.bind("staff.sign-out"));
        signOut.setMinWidth(Region.USE_PREF_SIZE);
        signOut.setOnAction(e -> vm.signOutStaff("SIGNED_OUT"));
        getChildren().setAll(words, signOut);
        BooleanBinding shown = Bindings.createBooleanBinding(() -> vm.actingForProperty().get().isPresent(),
                vm.actingForProperty());
        visibleProperty().bind(shown);
        managedProperty().bind(shown);
    }

    /** "护士 王芳（200101）" / "Nurse Wang Fang (200101)": the role, the name in the screen's language, the number. */
    static String staffWords(StaffMember staff) {
        String role = staff.has(StaffRole.NURSE) ? I18n.tr("staff.role.nurse")
                : staff.has(StaffRole.DOCTOR) ? I18n.tr("staff.role.doctor") : I18n.tr("staff.role.staff");
        String name = staff.name().in(I18n.locale());
        return staff.staffNumber() == null ? I18n.tr("staff.words", role, name)
                : I18n.tr("staff.words.numbered", role, name, staff.staffNumber());
    }
}
