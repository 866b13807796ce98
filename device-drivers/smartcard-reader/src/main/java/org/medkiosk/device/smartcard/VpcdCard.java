package org.medkiosk.device.smartcard;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Puts a {@link SimulatedCard} into the "Virtual PCD" reader of a real PC/SC stack (pcscd + vsmartcard-vpcd):
 * connects to vpcd (TCP 35963 by default) and speaks its protocol (DEVICES.md §4): each message a 2-byte big-endian
 * length + payload; one-byte payloads are controls (00 power off, 01 power on, 02 reset, 04 get ATR), anything else an
 * APDU to answer. Connecting inserts the card, {@link #remove()} pulls it.
 */
public final class VpcdCard implements AutoCloseable {

    public static final int DEFAULT_PORT = 35963;

    private final String host;
    private final int port;
    private final SimulatedCard card;
    private volatile Socket socket;
    private Thread thread;

    public VpcdCard(String host, int port, SimulatedCard card) {
        this.host = host;
        this.port = port;
        this.card = card;
    }

    /** Inserts the card: connects to vpcd and serves it on a daemon thread. */
    public synchronized void insert() throws IOException {
        if (socket != null) {
            return;
        }
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), 3_000);
        s.setTcpNoDelay(true);
        socket = s;
        card.reset();
        thread = new Thread(() -> serve(s), "vpcd-card");
        thread.setDaemon(true);
        thread.start();
    }

    /** Pulls the card out of the virtual reader. */
    public void remove() {
        Socket s;
        Thread t;
        synchronized (this) {
            s = socket;
            t = thread;
            socket = null;
            thread = null;
        }
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        if (t != null) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isInserted() {
        return socket != null;
    }

    private void serve(Socket s) {
        try (DataInputStream in = new DataInputStream(s.getInputStream());
             DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
            while (true) {
                int len = in.readUnsignedShort();
                byte[] msg = in.readNBytes(len);
                if (msg.length < len) {
                    throw new EOFException();
                }
                if (len == 1) {
                    switch (msg[0]) {
                        case 0x00, 0x01, 0x02 -> card.reset();
                        case 0x04 -> send(out, card.atr());
                        default -> {
                            // unknown control: vpcd expects no answer
                        }
                    }
                } else {
                    send(out, card.process(msg));
                }
            }
        } catch (IOException e) {
            // vpcd closed the connection or the card was removed
        } finally {
            synchronized (this) {
                if (socket == s) {
                    socket = null;
                }
            }
        }
    }

    private static void send(DataOutputStream out, byte[] payload) throws IOException {
        out.writeShort(payload.length);
        out.write(payload);
        out.flush();
    }

    @Override
    public void close() {
        remove();
    }
}
