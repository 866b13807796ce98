package org.medkiosk.hospital;

import java.time.DayOfWeek;
import java.util.Objects;

/** One half-day a doctor regularly sees patients (出诊时间): Monday morning (上午), Thursday afternoon (下午)… */
public record WeeklySession(DayOfWeek day, LocalizedText period) {
    public WeeklySession {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(period, "period");
    }
}
