package org.medkiosk.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** printer.report: a CUPS queue name, or none. */
class ReportPrinterConfigTest {

    @Test
    void absentMeansNoReportPrinter() {
        assertTrue(ConfigLoader.parse("t", "").reportPrinter().queue().isEmpty());
        assertTrue(ConfigLoader.parse("t", "printer.report=\n").reportPrinter().queue().isEmpty());
    }

    @Test
    void aQueueNameIsKept() {
        assertEquals(Optional.of("Report_A4"), ConfigLoader.parse("t", "printer.report=Report_A4\n").reportPrinter().queue());
    }

    @Test
    void aNameCupsCannotHaveIsRefusedWithTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("t", "printer.report=lobby/a4\n"));
        assertTrue(e.getMessage().contains("printer.report"), e.getMessage());
        assertThrows(ConfigException.class, () -> ConfigLoader.parse("t", "printer.report=Report A4\n"));
    }
}
