package org.medkiosk.device.smartcard;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.HexFormat;

/**
 * A staff card whose file (or whole answer) is fuzzer bytes: reading it gives a {@link SmartCardIdentity.StaffCard}
 * with a well-formed number or fails with {@link SmartCardException}, nothing else. Seeds:
 * src/test/resources/org/medkiosk/device/smartcard/StaffCardProfileFuzzTestInputs/. {@code mvn test} replays them;
 * {@code JAZZER_FUZZ=1 mvn -pl device-drivers/smartcard-reader test -Dtest=StaffCardProfileFuzzTest} explores.
 */
class StaffCardProfileFuzzTest {

    /** The TLV records of the staff file. */
    @FuzzTest(maxDuration = "60s")
    void staffFile(byte[] file) {
        try {
            check(StaffCardProfile.cardNumber(file));
        } catch (SmartCardException expected) {
            // documented error
        }
    }

    /** A card with the staff application whose READ BINARY answer (data + SW) is the fuzzer's bytes. */
    @FuzzTest(maxDuration = "60s")
    void staffCardAnswer(byte[] answer) {
        SimulatedCard card = new SimulatedCard() {
            @Override
            public byte[] atr() {
                return HexFormat.of().parseHex("3b8880014d4b53544146463178");
            }

            @Override
            public void reset() {
            }

            @Override
            public byte[] process(byte[] apdu) {
                if ((apdu[1] & 0xFF) == 0xA4) {
                    boolean staff = apdu.length == 5 + StaffCardProfile.MEDKIOSK_AID.length
                            && java.util.Arrays.equals(java.util.Arrays.copyOfRange(apdu, 5, apdu.length),
                            StaffCardProfile.MEDKIOSK_AID);
                    return staff ? new byte[] {(byte) 0x90, 0x00} : new byte[] {0x6A, (byte) 0x82};
                }
                return answer;
            }
        };
        SimulatedCardReaders readers = new SimulatedCardReaders("Fuzz");
        readers.insert("Fuzz", card);
        try {
            SmartCardIdentity id = SmartCardReader.readOnce(readers, new SmartCardProfiles(), "Fuzz");
            if (id instanceof SmartCardIdentity.StaffCard staff) {
                check(staff.staffCardNumber());
            }
            id.toString();
            SmartCardCommand.toJson(id, false);
        } catch (SmartCardException expected) {
            // documented error
        }
    }

    private static void check(String number) {
        if (!number.matches("[0-9A-Za-z-]{4,32}")) {
            throw new AssertionError("a malformed staff card number got through: " + number);
        }
    }
}
