package org.medkiosk.app.ui;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.image.Image;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.i18n.I18n;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The hospital's name and logo as configured, ready for the screen. */
record HospitalBranding(KioskConfig.Hospital hospital, Optional<Image> logo) {
    private static final Logger LOG = LoggerFactory.getLogger(HospitalBranding.class);

    static HospitalBranding load(KioskConfig.Hospital hospital) {
        Optional<Image> logo = hospital.logo().flatMap(path -> {
            try (InputStream in = Files.newInputStream(path)) {
                Image image = new Image(in);
                return image.isError() ? Optional.empty() : Optional.of(image);
            } catch (Exception e) {
                LOG.warn("hospital logo {} cannot be read: {}", path, e.toString());
                return Optional.empty();
            }
        });
        if (logo.isEmpty()) {
            logo = Optional.ofNullable(HospitalBranding.class.getResource("default-logo.png"))
                    .map(url -> new Image(url.toExternalForm()));
        }
        return new HospitalBranding(hospital, logo);
    }

    StringBinding nameBinding() {
        return Bindings.createStringBinding(() -> hospital.name().in(I18n.locale()), I18n.localeProperty());
    }
}
