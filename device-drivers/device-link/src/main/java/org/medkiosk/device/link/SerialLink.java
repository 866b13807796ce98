package org.medkiosk.device.link;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial port through jSerialComm: USB-serial adapters, RS-232 ports, and pseudo-terminals (opened by path or
 * symlink; jSerialComm does not list ptys but opens them).
 *
 * <p>On Linux and macOS read timeouts have a granularity of 100 ms (termios VTIME); a read returns as soon as any
 * byte arrives, so this only matters for how long an idle read waits.
 *
 * <p>When the device is unplugged, the next read or write fails with DISCONNECTED and the port is closed;
 * {@link #open()} reopens the same path once the device is back (udev may give it the same by-id symlink).
 */
public final class SerialLink implements Link {

    private static final Logger LOG = LoggerFactory.getLogger(SerialLink.class);
    private static final int ENOENT = 2;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;
    private static final int WRITE_TIMEOUT_MS = 5_000;

    private final SerialSettings settings;
    private volatile SerialPort port;
    // jSerialComm reconfigures the tty on every timeout change; only do it when the timeout really changes.
    private int configuredReadTimeoutMs = -1;

    public SerialLink(SerialSettings settings) {
        this.settings = settings;
    }

    public SerialSettings settings() {
        return settings;
    }

    @Override
    public String address() {
        return "serial:" + settings.portPath() + "@" + settings.baud() + "/" + settings.framing();
    }

    @Override
    public synchronized void open() throws LinkException {
        if (port != null && port.isOpen()) {
            return;
        }
        String path = settings.portPath();
        boolean windowsName = path.regionMatches(true, 0, "COM", 0, 3) && !path.contains("/");
        if (!windowsName) {
            Path p = Path.of(path);
            if (!Files.exists(p)) {
                throw new LinkException(LinkException.Reason.NOT_FOUND, "no such serial port: " + path);
            }
            if (!Files.isReadable(p) || !Files.isWritable(p)) {
                throw new LinkException(LinkException.Reason.PERMISSION_DENIED,
                        "permission denied on " + path + " (add the kiosk user to the dialout group or install the udev rule)");
            }
        }
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new LinkException(LinkException.Reason.NOT_FOUND, "no such serial port: " + path, e);
        }
        candidate.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(), parity());
        candidate.setFlowControl(flowControl());
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 0, WRITE_TIMEOUT_MS);
        configuredReadTimeoutMs = 0;
        if (!candidate.openPort(0)) {
            int errno = candidate.getLastErrorCode();
            LinkException.Reason reason = switch (errno) {
                case ENOENT -> LinkException.Reason.NOT_FOUND;
                case EACCES -> LinkException.Reason.PERMISSION_DENIED;
                case EBUSY -> LinkException.Reason.BUSY;
                default -> LinkException.Reason.IO;
            };
            String what = switch (reason) {
                case NOT_FOUND -> "no such serial port: ";
                case PERMISSION_DENIED -> "permission denied on ";
                case BUSY -> "serial port in use by another program: ";
                default -> "cannot open serial port (errno " + errno + "): ";
            };
            throw new LinkException(reason, what + path);
        }
        port = candidate;
        LOG.debug("opened {}", address());
    }

    @Override
    public boolean isOpen() {
        SerialPort p = port;
        return p != null && p.isOpen();
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        SerialPort p = requireOpen();
        int done = 0;
        while (done < length) {
            int n = p.writeBytes(data, length - done, offset + done);
            if (n < 0) {
                lost("write");
            }
            if (n == 0) {
                throw new LinkException(LinkException.Reason.TIMEOUT, "write timed out on " + settings.portPath());
            }
            done += n;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        SerialPort p = requireOpen();
        int ms = timeout == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(0, timeout.toMillis()));
        if (ms > 0) {
            // POSIX termios counts read timeouts in tenths of a second (jSerialComm rounds the same way): compare
            // rounded values so a shrinking deadline does not reconfigure the tty on every read.
            ms = Math.max(100, Math.round(ms / 100f) * 100);
        } else if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
            ms = 100;
        }
        if (ms != configuredReadTimeoutMs) {
            int mode = (ms == 0 ? SerialPort.TIMEOUT_NONBLOCKING : SerialPort.TIMEOUT_READ_SEMI_BLOCKING)
                    | SerialPort.TIMEOUT_WRITE_BLOCKING;
            p.setComPortTimeouts(mode, ms, WRITE_TIMEOUT_MS);
            configuredReadTimeoutMs = ms;
        }
        int n = p.readBytes(buffer, length, offset);
        if (n < 0) {
            lost("read");
        }
        return n;
    }

    @Override
    public void discardInput() throws LinkException {
        SerialPort p = requireOpen();
        byte[] sink = new byte[1024];
        // flushIOBuffers would also drop our own pending output; read the input away instead.
        int available;
        while ((available = p.bytesAvailable()) > 0) {
            if (p.readBytes(sink, Math.min(sink.length, available)) < 0) {
                lost("read");
            }
        }
        if (available < 0) {
            lost("read");
        }
    }

    @Override
    public synchronized void close() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }

    private SerialPort requireOpen() throws LinkException {
        SerialPort p = port;
        if (p == null || !p.isOpen()) {
            throw new LinkException(LinkException.Reason.CLOSED, address() + " is not open");
        }
        return p;
    }

    private void lost(String operation) throws LinkException {
        close();
        throw new LinkException(LinkException.Reason.DISCONNECTED,
                "serial port " + settings.portPath() + " failed on " + operation + " (unplugged?)");
    }

    private int stopBits() {
        return switch (settings.stopBits()) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private int parity() {
        return switch (settings.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    private int flowControl() {
        return switch (settings.flowControl()) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        };
    }
}
