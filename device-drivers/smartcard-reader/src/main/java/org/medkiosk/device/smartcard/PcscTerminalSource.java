package org.medkiosk.device.smartcard;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system's PC/SC stack (pcscd on Linux) through the JDK's SunPCSC provider.
 *
 * <p>Two JDK quirks handled here: on JDK 17 the provider does not find Debian's libpcsclite by itself (we set
 * {@code sun.security.smartcardio.library} when it is unset), and it keeps one PC/SC context for the life of the JVM,
 * which goes dead when pcscd restarts. {@link #reset()} clears that context (and the terminal objects bound to it) so
 * the next call establishes a new one;
 * this needs {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED} on the kiosk's JVM, without it
 * a pcscd restart needs an app restart ({@link #canReconnect()} tells which).
 */
public final class PcscTerminalSource implements CardTerminalSource {

    private static final Logger LOG = LoggerFactory.getLogger(PcscTerminalSource.class);
    private static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";
    private static final List<String> LIBRARY_PATHS = List.of(
            "/usr/lib/x86_64-linux-gnu/libpcsclite.so.1", "/usr/lib/aarch64-linux-gnu/libpcsclite.so.1",
            "/usr/lib/arm-linux-gnueabihf/libpcsclite.so.1", "/usr/lib64/libpcsclite.so.1",
            "/usr/lib/libpcsclite.so.1", "/lib/x86_64-linux-gnu/libpcsclite.so.1");

    private volatile TerminalFactory factory;

    public PcscTerminalSource() {
        locateLibrary();
    }

    /** Sets the libpcsclite path for the JDK when it is not configured and a known path exists. */
    static void locateLibrary() {
        if (System.getProperty(LIBRARY_PROPERTY) != null) {
            return;
        }
        for (String p : LIBRARY_PATHS) {
            if (Files.exists(Path.of(p))) {
                System.setProperty(LIBRARY_PROPERTY, p);
                return;
            }
        }
    }

    @Override
    public CardTerminals terminals() throws CardException {
        TerminalFactory f = factory;
        if (f == null) {
            try {
                f = TerminalFactory.getInstance("PC/SC", null);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new CardException("PC/SC is not available in this JVM (libpcsclite missing?)", e);
            }
            factory = f;
        }
        return f.terminals();
    }

    @Override
    public void reset() {
        factory = null;
        try {
            Class<?> terminals = Class.forName("sun.security.smartcardio.PCSCTerminals");
            Field context = terminals.getDeclaredField("contextId");
            context.setAccessible(true);
            // The JDK also caches terminal objects that hold the old context: forget them too.
            Field cache = terminals.getDeclaredField("terminals");
            cache.setAccessible(true);
            synchronized (terminals) {
                context.setLong(null, 0L);
                ((java.util.Map<?, ?>) cache.get(null)).clear();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("cannot reset the PC/SC context: {}", e.getClass().getSimpleName());
        }
    }

    /** True when {@link #reset()} can reconnect after a pcscd restart (the JVM opened the JDK package to us). */
    public static boolean canReconnect() {
        try {
            Field context = Class.forName("sun.security.smartcardio.PCSCTerminals").getDeclaredField("contextId");
            context.setAccessible(true);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
