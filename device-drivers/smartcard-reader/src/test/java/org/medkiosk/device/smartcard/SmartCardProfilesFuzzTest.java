package org.medkiosk.device.smartcard;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A card answering every APDU with fuzzer bytes: reading it may only fail with {@link SmartCardException}.
 * Seeds: src/test/resources/org/medkiosk/device/smartcard/SmartCardProfilesFuzzTestInputs/readAnyCard/.
 */
class SmartCardProfilesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readAnyCard(FuzzedDataProvider data) {
        SimulatedCard card = new SimulatedCard() {
            @Override
            public byte[] atr() {
                return new byte[] {0x3B, 0x00};
            }

            @Override
            public void reset() {
            }

            @Override
            public byte[] process(byte[] apdu) {
                return data.consumeBytes(data.consumeInt(0, 40));
            }
        };
        SimulatedCardReaders readers = new SimulatedCardReaders("Fuzz");
        readers.insert("Fuzz", card);
        try {
            SmartCardIdentity id = SmartCardReader.readOnce(readers,
                    new SmartCardProfiles(new SocialSecurityCardProfile(new byte[] {1, 2, 3})), "Fuzz");
            id.toString();
            SmartCardCommand.toJson(id, false);
        } catch (SmartCardException expected) {
            // documented error
        }
    }
}
