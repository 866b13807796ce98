package org.medkiosk.app.technician;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PIN that opens technician mode, kept in {@value #FILE_NAME} in the kiosk's data folder as a salted
 * PBKDF2-HMAC-SHA256 hash (a random 16-byte salt, {@value #ITERATIONS} iterations, compared in constant time), never as
 * the PIN. The same file keeps the count of wrong entries and the lockout, so that a restart or a kill does not reset
 * them: each entry is counted (and a lockout it would start is written) <em>before</em> the PIN is checked, and the
 * count goes back to 0 only after a right PIN.
 *
 * <p>Lockout: after {@value #FAILURES_BEFORE_LOCKOUT} wrong PINs in a row technician mode is locked for 30 s; every
 * further wrong PIN (each allowed once the lock ends) locks it again for twice as long, at most 15 minutes: 30 s,
 * 1 min, 2 min, 4 min, 8 min, 15 min, 15 min… Entries while locked are refused without being checked or counted.
 *
 * <p>First run: there is no PIN, and technician mode is refused ({@link PinCheck.NotSetUp}) until the administrator
 * sets one with {@code kiosk technician set-pin} ({@link TechnicianCommand}); there is no default PIN. A technician
 * may later change it from technician mode ({@link #set}). Setting a PIN clears the count and any lockout.
 *
 * <p>PINs are passed as {@code char[]} so that callers can wipe them; this class never keeps, logs or prints one.
 */
public final class TechnicianPin {
    public static final String FILE_NAME = "technician-pin.properties";
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /**
     * OWASP's 2023 figure for PBKDF2-HMAC-SHA256 (its 210 000 is for HMAC-SHA512). On the build machine (AMD EPYC, 2
     * cores, JDK 17) a check takes about 0.2 s once warm and about 0.5 s as the first one in a JVM.
     */
    public static final int ITERATIONS = 600_000;
    public static final int FAILURES_BEFORE_LOCKOUT = 5;
    public static final Duration FIRST_LOCKOUT = Duration.ofSeconds(30);
    public static final Duration LONGEST_LOCKOUT = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(TechnicianPin.class);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** Longer entries are wrong without being hashed (no PIN is that long; nobody makes the kiosk hash megabytes). */
    private static final int LONGEST_ENTRY = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Clock clock;
    private final int iterations;

    TechnicianPin(Path dataFolder, Clock clock, int iterations) {
        this.file = dataFolder.resolve(FILE_NAME);
        this.clock = clock;
        this.iterations = iterations;
    }

    /** The technician PIN of the kiosk whose data folder this is. */
    public static TechnicianPin in(Path dataFolder) {
        return in(dataFolder, Clock.systemUTC());
    }

    /** With a clock of the caller's (tests move it instead of sleeping through a lockout). */
    public static TechnicianPin in(Path dataFolder, Clock clock) {
        return new TechnicianPin(dataFolder, clock, ITERATIONS);
    }

    /** How long technician mode is locked after the {@code failures}-th wrong PIN in a row (zero: not locked). */
    public static Duration lockoutAfter(int failures) {
        if (failures < FAILURES_BEFORE_LOCKOUT) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FAILURES_BEFORE_LOCKOUT, 20);
        Duration lock = FIRST_LOCKOUT.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCKOUT) > 0 ? LONGEST_LOCKOUT : lock;
    }

    public Path file() {
        return file;
    }

    /** Whether a PIN has been set (else technician mode is refused). */
    public synchronized boolean isSet() {
        return stored().isPresent();
    }

    /** What the file says, for `kiosk technician status` and the technician screen: never the PIN or its hash. */
    public synchronized Status status() {
        Optional<Stored> s = stored();
        if (s.isEmpty()) {
            return new Status(false, 0, 0, Optional.empty());
        }
        Instant now = clock.instant();
        return new Status(true, s.get().iterations, s.get().failures, lockedAt(s.get(), now));
    }

    /** A PIN file's state: whether a PIN is set, its PBKDF2 iterations, wrong entries since the last right one, the lock. */
    public record Status(boolean set, int iterations, int failures, Optional<Instant> lockedUntil) {
    }

    /**
     * Sets a new PIN (a random salt each time), clears the count and any lockout. Throws IllegalArgumentException
     * naming the {@link PinRule} the PIN breaks (never the PIN), UncheckedIOException when the file cannot be written.
     */
    public synchronized void set(char[] newPin) {
        Optional<PinRule> broken = PinRule.brokenBy(newPin);
        if (broken.isPresent()) {
            throw new IllegalArgumentException("a technician PIN must have " + broken.get().text());
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        write(new Stored(iterations, salt, hash(newPin, salt, iterations), 0, Optional.empty()));
        LOG.info("technician PIN set ({} PBKDF2 iterations) in {}", iterations, file);
    }

    /**
     * Checks one entry. Counted before it is checked (and the lockout it would start written), so that cutting the
     * power during the check does not give an attacker a free try. The caller wipes {@code pin} afterwards.
     */
    public synchronized PinCheck check(char[] pin) {
        Optional<Stored> found = stored();
        if (found.isEmpty()) {
            return new PinCheck.NotSetUp();
        }
        Stored s = found.get();
        Instant now = clock.instant();
        Optional<Instant> locked = lockedAt(s, now);
        if (locked.isPresent()) {
            if (!locked.equals(s.lockedUntil)) {
                write(s.withCount(s.failures, locked)); // the clock went back: the lock is capped, and stays capped
            }
            return new PinCheck.LockedOut(locked.get());
        }
        int failures = s.failures + 1;
        Duration lock = lockoutAfter(failures);
        Optional<Instant> lockedUntil = lock.isZero() ? Optional.empty() : Optional.of(now.plus(lock));
        write(s.withCount(failures, lockedUntil));
        boolean right = pin.length > 0 && pin.length <= LONGEST_ENTRY
                && MessageDigest.isEqual(hash(pin, s.salt, s.iterations), s.hash);
        if (right) {
            if (s.iterations < iterations) {
                byte[] salt = new byte[SALT_BYTES];
                RANDOM.nextBytes(salt);
                write(new Stored(iterations, salt, hash(pin, salt, iterations), 0, Optional.empty()));
                LOG.info("technician PIN re-hashed with {} PBKDF2 iterations (was {})", iterations, s.iterations);
            } else {
                write(s.withCount(0, Optional.empty()));
            }
            LOG.info("technician PIN accepted");
            return new PinCheck.Accepted();
        }
        if (lockedUntil.isPresent()) {
            LOG.warn("technician PIN wrong {} times in a row: technician mode locked for {} s, until {}", failures,
                    lock.toSeconds(), lockedUntil.get());
        } else {
            LOG.info("technician PIN wrong ({} of {} before a lockout)", failures, FAILURES_BEFORE_LOCKOUT);
        }
        return new PinCheck.Wrong(failures, Math.max(0, FAILURES_BEFORE_LOCKOUT - failures), lockedUntil);
    }

    /** The lock in force at {@code now}: none once it has passed; never longer than the longest (a clock set back). */
    private static Optional<Instant> lockedAt(Stored s, Instant now) {
        if (s.lockedUntil.isEmpty() || !now.isBefore(s.lockedUntil.get())) {
            return Optional.empty();
        }
        Instant latest = now.plus(LONGEST_LOCKOUT);
        return Optional.of(s.lockedUntil.get().isAfter(latest) ? latest : s.lockedUntil.get());
    }

    private static byte[] hash(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK 17", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The file's content; empty when there is none, or when it cannot be read (logged: technician mode stays closed). */
    private Optional<Stored> stored() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("the technician PIN file {} cannot be read ({}); technician mode stays closed until "
                    + "`kiosk technician set-pin` sets a PIN again", file, e.toString());
            return Optional.empty();
        }
        try {
            if (!ALGORITHM.equals(p.getProperty("algorithm"))) {
                throw new IllegalArgumentException("algorithm is not " + ALGORITHM);
            }
            int its = Integer.parseInt(p.getProperty("iterations", ""));
            byte[] salt = Base64.getDecoder().decode(p.getProperty("salt", ""));
            byte[] hash = Base64.getDecoder().decode(p.getProperty("hash", ""));
            int failures = Integer.parseInt(p.getProperty("failures", ""));
            String until = p.getProperty("locked-until", "").trim();
            if (its < 1 || salt.length != SALT_BYTES || hash.length != HASH_BITS / 8 || failures < 0) {
                throw new IllegalArgumentException("iterations, salt, hash or failures out of range");
            }
            return Optional.of(new Stored(its, salt, hash, failures,
                    until.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(until))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            LOG.error("the technician PIN file {} is not valid ({}); technician mode stays closed until "
                    + "`kiosk technician set-pin` sets a PIN again", file, e.getMessage());
            return Optional.empty();
        }
    }

    private void write(Stored s) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("algorithm", ALGORITHM);
        entries.put("iterations", String.valueOf(s.iterations));
        entries.put("salt", Base64.getEncoder().encodeToString(s.salt));
        entries.put("hash", Base64.getEncoder().encodeToString(s.hash));
        entries.put("failures", String.valueOf(s.failures));
        entries.put("locked-until", s.lockedUntil.map(Instant::toString).orElse(""));
        String text = PropertiesText.render("MedKiosk technician PIN: a salted PBKDF2 hash of it (never the PIN), and the\n"
                + "wrong entries since the last right one. Written by the kiosk; set with `kiosk technician set-pin`.", entries);
        try {
            AtomicFile.replace(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Not counted means not checked: refuse rather than allow uncounted tries.
            throw new UncheckedIOException("cannot write the technician PIN file " + file + ": " + e.getMessage(), e);
        }
    }

    private record Stored(int iterations, byte[] salt, byte[] hash, int failures, Optional<Instant> lockedUntil) {
        Stored withCount(int count, Optional<Instant> until) {
            return new Stored(iterations, salt, hash, count, until);
        }

        @Override
        public String toString() {
            return "Stored[iterations=" + iterations + ", failures=" + failures + ", lockedUntil=" + lockedUntil + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Stored other && iterations == other.iterations && Arrays.equals(salt, other.salt)
                    && Arrays.equals(hash, other.hash) && failures == other.failures && lockedUntil.equals(other.lockedUntil);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hash);
        }
    }

    @Override
    public String toString() {
        return "TechnicianPin[" + file + "]";
    }
}
