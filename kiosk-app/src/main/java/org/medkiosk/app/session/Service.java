package org.medkiosk.app.session;

import org.medkiosk.app.i18n.I18n;

/**
 * What a patient can do at the kiosk, in the order of the home screen. {@code available} is false for
 * services not yet built, which the home screen shows greyed with "coming soon".
 */
public enum Service {
    REGISTER(I18n.key("service.register"), I18n.key("service.register.line"), true),
    MY_BOOKINGS(I18n.key("service.bookings"), I18n.key("service.bookings.line"), true),
    CHECK_IN(I18n.key("service.checkin"), I18n.key("service.checkin.line"), true),
    PAY(I18n.key("service.pay"), I18n.key("service.pay.line"), true),
    TOP_UP(I18n.key("service.topup"), I18n.key("service.topup.line"), true),
    PRINT_REPORTS(I18n.key("service.reports"), I18n.key("service.reports.line"), true),
    QUERIES(I18n.key("service.queries"), I18n.key("service.queries.line"), true),
    /** The department guide: not a journey, it needs no identification (the idle screen opens it too). */
    GUIDE(I18n.key("service.guide"), I18n.key("service.guide.line"), true),
    /** Price lookup: not a journey, it needs no identification. */
    PRICES(I18n.key("service.prices"), I18n.key("service.prices.line"), true),
    /** Hospital information (departments, doctors, notices): not a journey, it needs no identification. */
    HOSPITAL_INFO(I18n.key("service.hospital-info"), I18n.key("service.hospital-info.line"), true);

    private final String titleKey;
    private final String lineKey;
    private final boolean available;

    Service(String titleKey, String lineKey, boolean available) {
        this.titleKey = titleKey;
        this.lineKey = lineKey;
        this.available = available;
    }

    /** The short line under the tile's title ("Today or book ahead"). */
    public String lineKey() {
        return lineKey;
    }

    public String titleKey() {
        return titleKey;
    }

    public boolean available() {
        return available;
    }
}
