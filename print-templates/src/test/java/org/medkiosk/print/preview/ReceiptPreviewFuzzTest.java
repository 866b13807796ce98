package org.medkiosk.print.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.medkiosk.print.escpos.PrinterProfile;

class ReceiptPreviewFuzzTest {
    /** The previewer reads whatever bytes the simulator recorded: any input must give an image, never throw. */
    @FuzzTest(maxDuration = "30s")
    void anyBytes(FuzzedDataProvider data) {
        PrinterProfile p = data.consumeBoolean() ? PrinterProfile.EPSON_80 : PrinterProfile.GENERIC_58;
        var img = ReceiptPreview.render(data.consumeRemainingAsBytes(), p);
        assertEquals(p.dotsPerLine(), img.getWidth());
        assertTrue(img.getHeight() >= 1);
    }
}
