package org.medkiosk.device.idcard;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;

/**
 * Any 256 bytes as a text block: only {@link IdCardFormatException} may escape, and everything the app does with a
 * parsed card (masking, expiry, check digit, nation name) must work on whatever came out.
 * Seeds: src/test/resources/org/medkiosk/device/idcard/IdCardTextFuzzTestInputs/parseAnything/.
 */
class IdCardTextFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parseAnything(FuzzedDataProvider data) {
        byte[] text = data.consumeBytes(IdCardText.LENGTH);
        if (text.length < IdCardText.LENGTH) {
            text = java.util.Arrays.copyOf(text, IdCardText.LENGTH);
        }
        try {
            IdCard card = IdCardText.parse(text, CardPhoto.none());
            card.toString();
            card.maskedIdNumber();
            card.maskedName();
            card.isExpired(LocalDate.of(2026, 1, 1));
            card.idNumberCheck();
            card.nationName();
            card.birthDateValue();
            IdCardCommand.toJson(card, false, LocalDate.of(2026, 1, 1));
            IdCardText.encode(card);
        } catch (IdCardFormatException expected) {
            // documented error
        }
    }
}
