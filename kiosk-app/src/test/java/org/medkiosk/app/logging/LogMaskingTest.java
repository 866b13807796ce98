package org.medkiosk.app.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.hospital.Patient;
import org.medkiosk.hospital.PatientIdentifier;
import org.medkiosk.hospital.Sex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drives the production logback.xml into a temp folder and reads the log file back. */
class LogMaskingTest {
    static final String ID = "110101198503071235";
    static final String PHONE = "13812345678";
    static final String WECHAT_CODE = "134567890123456789";
    static final String NAME = "张三明";

    @AfterEach
    void forget() {
        SensitiveValues.clear();
    }

    @Test
    void noIdNumberPhonePaymentCodeOrNameReachesTheLogFile(@TempDir Path dir) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.putProperty("medkiosk.log.dir", dir.toString());
        System.setProperty("medkiosk.log.dir", dir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));

        SensitiveValues.register(NAME);
        Logger log = LoggerFactory.getLogger("test.privacy");
        log.info("card read: id={} phone={} name={}", ID, PHONE, NAME);
        log.warn("payment with code {} failed", WECHAT_CODE);
        log.info("patient {}", new Patient("p1", NAME, Sex.MALE, null, "MR100001", PHONE, null));
        log.info("lookup {}", PatientIdentifier.residentId(ID));
        log.error("backend said no", new IllegalStateException("no patient " + ID + " / " + NAME));
        context.stop();

        String text = Files.readString(dir.resolve("kiosk.log"), StandardCharsets.UTF_8);
        assertFalse(text.isBlank(), "nothing was logged");
        for (String secret : new String[] {ID, PHONE, WECHAT_CODE, NAME}) {
            assertFalse(text.contains(secret), "log contains " + secret + ":\n" + text);
        }
        assertTrue(text.contains("1101**********1235"), text);
        assertTrue(text.contains("138****5678"), text);
        // an 18-digit wallet code has the shape of an ID number and is masked like one
        assertTrue(text.contains("1345**********6789"), text);
        assertTrue(text.contains("张*明"), text);
        assertTrue(text.contains("IllegalStateException"), "stack traces are kept, masked: " + text);
    }

    @Test
    void maskerLeavesOrdinaryTextAlone() {
        assertEquals("slot 2026-11-21T09:00 room 305, ¥12.50, port /dev/ttyUSB0",
                PersonalDataMasker.mask("slot 2026-11-21T09:00 room 305, ¥12.50, port /dev/ttyUSB0"));
        assertEquals("USA3*******1501", PersonalDataMasker.mask("USA310075031501"));
        assertEquals("id 1101**********123X.", PersonalDataMasker.mask("id 11010119850307123X."));
    }
}
