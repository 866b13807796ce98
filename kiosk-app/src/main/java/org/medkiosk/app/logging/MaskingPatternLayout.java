package org.medkiosk.app.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback layout that masks the whole formatted event, stack traces included (exception messages leak too). */
public class MaskingPatternLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
        return PersonalDataMasker.mask(super.doLayout(event));
    }
}
