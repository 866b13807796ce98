package org.medkiosk.app.metrics;

import java.time.ZoneId;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.print.receipt.Letterhead;

/** The letterhead of the receipts in these tests. */
final class TestLetterhead {
    private TestLetterhead() {
    }

    static Letterhead get() {
        return new Letterhead(LocalizedText.of("示范医院", "Demo Hospital"), null, null, "K-TEST", ZoneId.systemDefault());
    }
}
