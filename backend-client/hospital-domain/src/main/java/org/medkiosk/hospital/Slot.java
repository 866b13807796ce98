package org.medkiosk.hospital;

import java.time.OffsetDateTime;

/** A bookable period with a doctor; remaining is the number quota left in it. */
public record Slot(
        String id,
        String doctorId,
        String departmentId,
        OffsetDateTime start,
        OffsetDateTime end,
        int remaining,
        Money fee) {
}
