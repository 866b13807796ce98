package org.medkiosk.device.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A raw TCP connection, e.g. a network receipt printer on port 9100 or a serial-to-Ethernet converter.
 *
 * <p>Writes have a deadline: a printer that stops reading (paper jam, firmware hang) fills the socket buffers and
 * would block {@code write} for ever. A shared watchdog thread closes the socket when one {@link #write} call has
 * not finished within {@code writeTimeout}; the write then fails with {@link LinkException.Reason#TIMEOUT} and the
 * link is closed (a half-written ESC/POS job cannot be resumed anyway; the driver reconnects and reprints).
 */
public final class TcpLink implements Link {

    /** Default budget of one write call: a receipt is a few KB, a 9100 printer takes it in well under a second. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tcp-link-write-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration writeTimeout;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;

    public TcpLink(String host, int port, Duration connectTimeout) {
        this(host, port, connectTimeout, DEFAULT_WRITE_TIMEOUT);
    }

    /** {@code writeTimeout}: how long one {@link #write} call may block before it fails with TIMEOUT. */
    public TcpLink(String host, int port, Duration connectTimeout, Duration writeTimeout) {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("TCP port out of range: " + port);
        }
        if (writeTimeout == null || writeTimeout.isZero() || writeTimeout.isNegative()) {
            throw new IllegalArgumentException("write timeout must be positive");
        }
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.writeTimeout = writeTimeout;
    }

    public Duration writeTimeout() {
        return writeTimeout;
    }

    public TcpLink(String host, int port) {
        this(host, port, Duration.ofSeconds(3));
    }

    @Override
    public String address() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public synchronized void open() throws LinkException {
        if (socket != null && !socket.isClosed()) {
            return;
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            in = s.getInputStream();
            out = s.getOutputStream();
            socket = s;
        } catch (UnknownHostException e) {
            closeQuietly(s);
            throw new LinkException(LinkException.Reason.NOT_FOUND, "unknown host in " + address(), e);
        } catch (ConnectException e) {
            closeQuietly(s);
            throw new LinkException(LinkException.Reason.NOT_FOUND, "connection refused by " + address(), e);
        } catch (SocketTimeoutException e) {
            closeQuietly(s);
            throw new LinkException(LinkException.Reason.TIMEOUT, "no answer from " + address(), e);
        } catch (IOException e) {
            closeQuietly(s);
            throw new LinkException(LinkException.Reason.IO, "cannot connect to " + address(), e);
        }
    }

    @Override
    public boolean isOpen() {
        Socket s = socket;
        return s != null && !s.isClosed();
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        Socket s = requireOpen();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            expired.set(true);
            closeQuietly(s); // unblocks the write below
        }, writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            out.write(data, offset, length);
            out.flush();
        } catch (IOException e) {
            closeQuietly(s);
            if (expired.get()) {
                throw new LinkException(LinkException.Reason.TIMEOUT, address() + " stopped reading: write not done within "
                        + writeTimeout.toMillis() + " ms", e);
            }
            throw new LinkException(LinkException.Reason.DISCONNECTED, "connection lost to " + address(), e);
        } finally {
            watchdog.cancel(false);
        }
        if (expired.get()) {
            // the watchdog fired just as the last byte went out: the socket is closed now, say so
            throw new LinkException(LinkException.Reason.TIMEOUT, address() + " write not done within "
                    + writeTimeout.toMillis() + " ms");
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        Socket s = requireOpen();
        try {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                int available = in.available();
                if (available == 0) {
                    return 0;
                }
                length = Math.min(length, available);
                s.setSoTimeout(1);
            } else {
                s.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            }
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                closeQuietly(s);
                throw new LinkException(LinkException.Reason.DISCONNECTED, address() + " closed the connection");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (LinkException e) {
            throw e;
        } catch (IOException e) {
            closeQuietly(s);
            throw new LinkException(LinkException.Reason.DISCONNECTED, "connection lost to " + address(), e);
        }
    }

    @Override
    public void discardInput() throws LinkException {
        requireOpen();
        try {
            long available = in.available();
            if (available > 0) {
                in.skip(available);
            }
        } catch (IOException e) {
            close();
            throw new LinkException(LinkException.Reason.DISCONNECTED, "connection lost to " + address(), e);
        }
    }

    @Override
    public synchronized void close() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            closeQuietly(s);
        }
    }

    private Socket requireOpen() throws LinkException {
        Socket s = socket;
        if (s == null || s.isClosed()) {
            throw new LinkException(LinkException.Reason.CLOSED, address() + " is not open");
        }
        return s;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing a broken socket: nothing more to do
        }
    }
}
