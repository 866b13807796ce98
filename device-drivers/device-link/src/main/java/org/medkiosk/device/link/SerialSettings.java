package org.medkiosk.device.link;

import java.util.Locale;
import java.util.Objects;

/**
 * How to open a serial port: path, baud and framing ("8N1" style) and flow control.
 *
 * @param portPath path of the port, e.g. {@code /dev/ttyUSB0}, {@code /dev/serial/by-id/...}, a pty symlink, or
 *                 {@code COM3} on Windows
 */
public record SerialSettings(String portPath, int baud, int dataBits, Parity parity, StopBits stopBits,
                             FlowControl flowControl) {

    public enum Parity { NONE, ODD, EVEN, MARK, SPACE }

    public enum StopBits { ONE, ONE_POINT_FIVE, TWO }

    public enum FlowControl { NONE, RTS_CTS, XON_XOFF }

    public SerialSettings {
        Objects.requireNonNull(portPath, "portPath");
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        Objects.requireNonNull(flowControl, "flowControl");
        if (portPath.isBlank()) {
            throw new IllegalArgumentException("serial port path is empty");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive: " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5..8: " + dataBits);
        }
    }

    /** 8 data bits, no parity, one stop bit, no flow control: what ID-card readers and most scanners use. */
    public static SerialSettings of(String portPath, int baud) {
        return new SerialSettings(portPath, baud, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE);
    }

    /** Same settings with a framing written as on device labels: "8N1", "7E1", "8N2", "8O1.5". */
    public SerialSettings withFraming(String framing) {
        String f = framing.trim().toUpperCase(Locale.ROOT);
        if (f.length() < 3) {
            throw new IllegalArgumentException("framing must look like 8N1: " + framing);
        }
        int bits = f.charAt(0) - '0';
        Parity p = switch (f.charAt(1)) {
            case 'N' -> Parity.NONE;
            case 'O' -> Parity.ODD;
            case 'E' -> Parity.EVEN;
            case 'M' -> Parity.MARK;
            case 'S' -> Parity.SPACE;
            default -> throw new IllegalArgumentException("unknown parity in framing: " + framing);
        };
        StopBits s = switch (f.substring(2)) {
            case "1" -> StopBits.ONE;
            case "1.5" -> StopBits.ONE_POINT_FIVE;
            case "2" -> StopBits.TWO;
            default -> throw new IllegalArgumentException("unknown stop bits in framing: " + framing);
        };
        return new SerialSettings(portPath, baud, bits, p, s, flowControl);
    }

    public SerialSettings withBaud(int newBaud) {
        return new SerialSettings(portPath, newBaud, dataBits, parity, stopBits, flowControl);
    }

    public SerialSettings withFlowControl(FlowControl newFlowControl) {
        return new SerialSettings(portPath, baud, dataBits, parity, stopBits, newFlowControl);
    }

    /** "8N1" style. */
    public String framing() {
        String stop = switch (stopBits) {
            case ONE -> "1";
            case ONE_POINT_FIVE -> "1.5";
            case TWO -> "2";
        };
        return dataBits + parity.name().substring(0, 1) + stop;
    }

    /** Bits on the wire per byte (start + data + parity + stop), for wire-time estimates. */
    public double bitsPerByte() {
        double stop = switch (stopBits) {
            case ONE -> 1;
            case ONE_POINT_FIVE -> 1.5;
            case TWO -> 2;
        };
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stop;
    }
}
