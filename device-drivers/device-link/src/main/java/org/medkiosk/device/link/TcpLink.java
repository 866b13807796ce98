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

/** A raw TCP connection, e.g. a network receipt printer on port 9100 or a serial-to-Ethernet converter. */
public final class TcpLink implements Link {

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;

    public TcpLink(String host, int port, Duration connectTimeout) {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("TCP port out of range: " + port);
        }
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
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
        try {
            out.write(data, offset, length);
            out.flush();
        } catch (IOException e) {
            closeQuietly(s);
            throw new LinkException(LinkException.Reason.DISCONNECTED, "connection lost to " + address(), e);
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
