package org.medkiosk.device.receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.medkiosk.device.link.Link;
import org.medkiosk.device.link.LinkException;

/**
 * A receipt printer that speaks ESC/POS on the device end of a link (a pty, an in-memory pair) or on a
 * TCP port: it walks the byte stream command by command (so raster data is never mistaken for a status
 * request), answers DLE EOT 1–4 from its state, records what it printed job by job (a job ends at a cut),
 * and uses up paper. Tests and technicians put it into paper near end, paper end, cover open, cutter
 * error, offline, or make it stop answering.
 *
 * <p>While it cannot print (paper end, cover open, offline, cutter error) it discards print data, as a
 * real printer that went offline loses its buffer on recovery; status requests are still answered.
 * Thread-safe: state setters may be called from any thread.
 */
public final class PrinterSimulator implements AutoCloseable {
    /** Feed per text line at the default 1/6-inch spacing, in dots (203 dpi). */
    static final int LINE_DOTS = 30;
    /** Largest incomplete command kept while waiting for the rest (a full-page raster is ~100 KB). */
    static final int MAX_PENDING = 1 << 20;

    private final Object lock = new Object();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ByteArrayOutputStream currentJob = new ByteArrayOutputStream();
    private final List<byte[]> jobs = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private long paperDots;
    private long nearEndDots;
    private long discardedBytes;
    private int heightMul = 1;
    private boolean coverOpen;
    private boolean offline;
    private boolean cutterError;
    private boolean silent;
    private volatile boolean closed;

    /** A printer with a fresh roll of {@code paperMm} millimetres, near end below {@code nearEndMm}. */
    public PrinterSimulator(int paperMm, int nearEndMm) {
        this.paperDots = paperMm * 8L;
        this.nearEndDots = nearEndMm * 8L;
    }

    /** A fresh 50 m roll, near end in the last 2 m. */
    public PrinterSimulator() {
        this(50_000, 2_000);
    }

    // ---- state a test or technician sets ---------------------------------------------------

    public void setCoverOpen(boolean open) {
        synchronized (lock) {
            coverOpen = open;
        }
    }

    public void setOffline(boolean off) {
        synchronized (lock) {
            offline = off;
        }
    }

    public void setCutterError(boolean error) {
        synchronized (lock) {
            cutterError = error;
        }
    }

    /** Stops answering anything, like a printer switched off with the cable still in. */
    public void setSilent(boolean s) {
        synchronized (lock) {
            silent = s;
        }
    }

    /** Sets the paper left on the roll (0 = paper end). */
    public void setPaperMm(int mm) {
        synchronized (lock) {
            paperDots = Math.max(0, mm * 8L);
        }
    }

    /** Puts the roll just inside the near-end zone. */
    public void setPaperNearEnd() {
        synchronized (lock) {
            paperDots = Math.max(1, nearEndDots - 8);
        }
    }

    public int paperMm() {
        synchronized (lock) {
            return (int) (paperDots / 8);
        }
    }

    /** Every completed job (ended by a cut), as the bytes the printer printed. */
    public List<byte[]> printedJobs() {
        synchronized (lock) {
            return List.copyOf(jobs);
        }
    }

    /** Everything printed so far, including a job not yet cut. */
    public byte[] printedBytes() {
        synchronized (lock) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            jobs.forEach(all::writeBytes);
            all.writeBytes(currentJob.toByteArray());
            return all.toByteArray();
        }
    }

    /** Bytes received while the printer could not print. */
    public long discardedBytes() {
        synchronized (lock) {
            return discardedBytes;
        }
    }

    public PrinterStatus status() {
        synchronized (lock) {
            boolean paperEnd = paperDots <= 0;
            boolean stopped = paperEnd || coverOpen || offline || cutterError;
            return new PrinterStatus(stopped, false, false, coverOpen, false, paperEnd, cutterError,
                    cutterError, false, false, paperDots < nearEndDots, paperEnd);
        }
    }

    // ---- the protocol ----------------------------------------------------------------------

    /** Feeds received bytes; returns what the printer answers (status bytes). */
    public byte[] accept(byte[] data, int offset, int length) {
        synchronized (lock) {
            if (silent) {
                return new byte[0];
            }
            pending.write(data, offset, length);
            byte[] buf = pending.toByteArray();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            int i = 0;
            while (i < buf.length) {
                int len = commandLength(buf, i);
                if (len < 0) {
                    break; // incomplete command: wait for more bytes
                }
                handle(buf, i, len, answer);
                i += len;
            }
            pending.reset();
            if (buf.length - i <= MAX_PENDING) {
                pending.write(buf, i, buf.length - i);
            } else {
                discardedBytes += buf.length - i; // a command claiming megabytes: drop it rather than grow forever
            }
            return answer.toByteArray();
        }
    }

    private void handle(byte[] b, int i, int len, ByteArrayOutputStream answer) {
        int c = b[i] & 0xff;
        if (c == 0x10 && len == 3 && b[i + 1] == 0x04) {
            int n = b[i + 2] & 0xff;
            if (n >= 1 && n <= 4) {
                answer.write(StatusCodec.encode(status())[n - 1]);
            }
            return;
        }
        boolean canPrint = paperDots > 0 && !coverOpen && !offline && !cutterError;
        if (!canPrint) {
            discardedBytes += len;
            return;
        }
        currentJob.write(b, i, len);
        long dots = 0;
        if (c == 0x0A) {
            dots = (long) LINE_DOTS * heightMul;
        } else if (c == 0x1B && (b[i + 1] == 'd')) {
            dots = (long) LINE_DOTS * (b[i + 2] & 0xff);
        } else if (c == 0x1B && b[i + 1] == '@') {
            heightMul = 1;
        } else if (c == 0x1D && b[i + 1] == '!') {
            heightMul = (b[i + 2] & 0x0f) + 1;
        } else if (c == 0x1D && b[i + 1] == 'v') {
            dots = (b[i + 6] & 0xff) | (b[i + 7] & 0xff) << 8;
        } else if (c == 0x1D && b[i + 1] == 'k') {
            dots = 100;
        } else if (c == 0x1D && b[i + 1] == '(' && b[i + 2] == 'k' && len >= 8 && b[i + 6] == 0x51) {
            dots = 200; // a printed QR code, roughly
        } else if (c == 0x1D && b[i + 1] == 'V') {
            dots = len == 4 ? (long) LINE_DOTS * (b[i + 3] & 0xff) : 0;
            paperDots = Math.max(0, paperDots - dots);
            jobs.add(currentJob.toByteArray());
            currentJob.reset();
            return;
        }
        paperDots = Math.max(0, paperDots - dots);
    }

    /** Length of the command or text byte at i, or -1 if it is not complete yet. */
    static int commandLength(byte[] b, int i) {
        int avail = b.length - i;
        int c = b[i] & 0xff;
        long len;
        switch (c) {
            case 0x10 -> len = avail >= 2 && b[i + 1] == 0x14 ? 5 : 3;
            case 0x1B -> {
                if (avail < 2) {
                    return -1;
                }
                int f = b[i + 1] & 0xff;
                len = f == '@' || f == '2' || f == '<' ? 2 : f == 'p' ? 5 : f == '*' ? escStarLength(b, i) : 3;
            }
            case 0x1C -> {
                if (avail < 2) {
                    return -1;
                }
                int f = b[i + 1] & 0xff;
                len = f == '&' || f == '.' ? 2 : 3;
            }
            case 0x1D -> {
                if (avail < 2) {
                    return -1;
                }
                int f = b[i + 1] & 0xff;
                switch (f) {
                    case 'V' -> {
                        if (avail < 3) {
                            return -1;
                        }
                        int m = b[i + 2] & 0xff;
                        len = m >= 65 ? 4 : 3;
                    }
                    case 'k' -> {
                        if (avail < 4) {
                            return -1;
                        }
                        int m = b[i + 2] & 0xff;
                        if (m <= 6) {
                            int j = i + 3;
                            while (j < b.length && b[j] != 0) {
                                j++;
                            }
                            if (j >= b.length) {
                                return -1;
                            }
                            len = j + 1 - i;
                        } else {
                            len = 4 + (b[i + 3] & 0xff);
                        }
                    }
                    case 'v' -> {
                        if (avail < 8) {
                            return -1;
                        }
                        int x = (b[i + 4] & 0xff) | (b[i + 5] & 0xff) << 8;
                        int y = (b[i + 6] & 0xff) | (b[i + 7] & 0xff) << 8;
                        len = 8L + (long) x * y;
                    }
                    case '(' -> {
                        if (avail < 5) {
                            return -1;
                        }
                        len = 5 + ((b[i + 3] & 0xff) | (b[i + 4] & 0xff) << 8);
                    }
                    case 'L', 'W' -> len = 4;
                    default -> len = 3;
                }
            }
            default -> len = 1;
        }
        return len <= avail ? (int) len : -1;
    }

    private static long escStarLength(byte[] b, int i) {
        if (b.length - i < 5) {
            return Long.MAX_VALUE;
        }
        int m = b[i + 2] & 0xff;
        int n = (b[i + 3] & 0xff) | (b[i + 4] & 0xff) << 8;
        return 5 + n * (m >= 32 ? 3 : 1);
    }

    // ---- transports ------------------------------------------------------------------------

    /** Serves on the device end of a link (opened here) in a daemon thread until {@link #close()}. */
    public void runOn(Link link) throws LinkException {
        link.open();
        synchronized (lock) {
            resources.add(link);
        }
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            while (!closed) {
                try {
                    int n = link.read(buf, 0, buf.length, Duration.ofMillis(200));
                    if (n > 0) {
                        byte[] reply = accept(buf, 0, n);
                        if (reply.length > 0) {
                            link.write(reply);
                        }
                    }
                } catch (LinkException e) {
                    if (closed) {
                        return;
                    }
                    try {
                        Thread.sleep(100);
                        link.open(); // the host end went away: wait for it like a printer would
                    } catch (LinkException | InterruptedException again) {
                        if (again instanceof InterruptedException) {
                            return;
                        }
                    }
                }
            }
        }, "printer-simulator " + link.address());
        t.setDaemon(true);
        t.start();
        synchronized (lock) {
            threads.add(t);
        }
    }

    /**
     * Listens on a loopback TCP port like a network printer's port 9100 (0 picks a free port); returns the
     * port. Connections are served one after another.
     */
    public int serveTcp(int port) throws IOException {
        ServerSocket server = new ServerSocket(port, 4, InetAddress.getLoopbackAddress());
        synchronized (lock) {
            resources.add(server);
        }
        Thread t = new Thread(() -> {
            while (!closed) {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    byte[] buf = new byte[4096];
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        byte[] reply = accept(buf, 0, n);
                        if (reply.length > 0) {
                            out.write(reply);
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    if (closed) {
                        return;
                    }
                }
            }
        }, "printer-simulator tcp:" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
        synchronized (lock) {
            threads.add(t);
        }
        return server.getLocalPort();
    }

    @Override
    public void close() {
        closed = true;
        List<AutoCloseable> rs;
        synchronized (lock) {
            rs = new ArrayList<>(resources);
            resources.clear();
        }
        for (AutoCloseable r : rs) {
            try {
                r.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }
}
