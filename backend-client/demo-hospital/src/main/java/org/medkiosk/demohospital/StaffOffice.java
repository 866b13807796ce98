package org.medkiosk.demohospital;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.hl7.fhir.r4.model.Practitioner;

/**
 * The hospital's staff office as far as PINs go: one salted PBKDF2-HMAC-SHA256 hash per staff number, never the
 * PIN. The hashes are written out below (made once, offline, from the demo PINs in {@link DemoStaff}) so that a
 * start of the demo spends no time hashing. The answer to a wrong PIN and to an unknown staff number is the same, and
 * an unknown number is hashed too, so neither the answer nor its timing tells which staff numbers exist.
 */
final class StaffOffice {
    private static final int ITERATIONS = 100_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    /** A salted hash of a PIN. */
    private record PinHash(byte[] salt, byte[] hash) {
        static PinHash of(String saltHex, String hashHex) {
            return new PinHash(HexFormat.of().parseHex(saltHex), HexFormat.of().parseHex(hashHex));
        }
    }

    private static final Map<String, PinHash> PINS = Map.of(
            "200101", PinHash.of("93597ad6bfd8a82f1979ec9243be9292",
                    "a51f530aedd7a3db1525cc9a98fd855281aeb61d0580ea9ad15edc1240533830"),
            "200102", PinHash.of("8fbacf85d7d88d9d47ad7489b49d1c2c",
                    "a3563f835c4d9b8f2334b9c4a3fc523b12965931ba5d97a0574f40f12da9298a"),
            "300201", PinHash.of("edd1f8821bb5a64b4e7c2fe6b1fbe166",
                    "ed11531771f1a8afde6c497bca706324380c41f872543c7f5e2b5a519aeac5a3"),
            "200199", PinHash.of("d7ab6eac0bd0d13512046d1fae568a75",
                    "a953de4395db348d0118e77fd634f5484afa63b925653acc192939ca8123ef2d"));
    /** Hashed against when the staff number is unknown, so that the answer takes as long. */
    private static final PinHash NOBODY = PinHash.of("00000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000000");

    private final HospitalRecords records;

    StaffOffice(HospitalRecords records) {
        this.records = records;
    }

    /** The Practitioner whose staff number and PIN these are; empty for a wrong PIN or an unknown number. */
    Optional<Practitioner> verify(String staffNumber, String pin) {
        if (pin == null || pin.isEmpty()) {
            return Optional.empty();
        }
        PinHash stored = PINS.getOrDefault(staffNumber, NOBODY);
        boolean right = MessageDigest.isEqual(stored.hash(), hash(pin, stored.salt())) && stored != NOBODY;
        if (!right) {
            return Optional.empty();
        }
        return records.find(Practitioner.class, p -> p.getIdentifier().stream().anyMatch(i ->
                DemoStaff.SYSTEM_STAFF_NUMBER.equals(i.getSystem()) && staffNumber.equals(i.getValue())))
                .stream().findFirst();
    }

    private static byte[] hash(String pin, byte[] salt) {
        char[] chars = pin.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, ITERATIONS, 256);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(ALGORITHM + " is required of every JDK", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
