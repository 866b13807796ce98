package org.medkiosk.app.session;

import org.medkiosk.app.i18n.I18n;

/**
 * What a patient can do at the kiosk, in the order of the home screen. {@code available} is false for
 * services not yet built, which the home screen shows greyed with "coming soon".
 */
public enum Service {
    REGISTER(I18n.key("service.register"), true),
    MY_BOOKINGS(I18n.key("service.bookings"), true),
    CHECK_IN(I18n.key("service.checkin"), true),
    PAY(I18n.key("service.pay"), true),
    TOP_UP(I18n.key("service.topup"), true),
    PRINT_REPORTS(I18n.key("service.reports"), true),
    QUERIES(I18n.key("service.queries"), true);

    private final String titleKey;
    private final boolean available;

    Service(String titleKey, boolean available) {
        this.titleKey = titleKey;
        this.available = available;
    }

    public String titleKey() {
        return titleKey;
    }

    public boolean available() {
        return available;
    }
}
