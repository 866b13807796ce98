package org.medkiosk.app.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medkiosk.app.config.ConfigException;
import org.medkiosk.app.config.ConfigLoader;
import org.medkiosk.app.config.KioskConfig;

/** metrics.port and metrics.address: off by default (the demo), validated with one-line messages. */
class MetricsConfigTest {

    @Test
    void offByDefaultAndInTheDemo() {
        assertFalse(KioskConfig.demo().metrics().enabled());
        assertFalse(ConfigLoader.parse("k", "").metrics().enabled());
        assertFalse(ConfigLoader.parse("k", "metrics.port=0\n").metrics().enabled());
        assertEquals("127.0.0.1", KioskConfig.demo().metrics().address());
    }

    @Test
    void aPortAndAnAddress() {
        KioskConfig.Metrics m = ConfigLoader.parse("k", "metrics.port=9464\nmetrics.address=10.0.8.21\n").metrics();
        assertTrue(m.enabled());
        assertEquals(9464, m.port());
        assertEquals("10.0.8.21", m.address());
        assertEquals("::1", ConfigLoader.parse("k", "metrics.port=9464\nmetrics.address=::1\n").metrics().address());
    }

    @Test
    void aBadPortIsOneLine() {
        for (String bad : new String[] {"abc", "-1", "80", "65536", "9464x"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("k", "metrics.port=" + bad + "\n"));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains("metrics.port"), e.getMessage());
            assertTrue(e.getMessage().contains("1024 to 65535"), e.getMessage());
        }
    }

    @Test
    void aBadAddressIsOneLineAndNeverLookedUp() {
        for (String bad : new String[] {"kiosk.example.org", "300.1.1.1", "10.0.0", "localhost"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConfigLoader.parse("k", "metrics.port=9464\nmetrics.address=" + bad + "\n"));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains("metrics.address"), e.getMessage());
        }
    }

    @Test
    void theOtherSettingsKeepTheMetrics() {
        KioskConfig c = ConfigLoader.parse("k", "metrics.port=9464\n");
        assertEquals(c.metrics(), c.withBackend(c.backend()).metrics());
    }
}
