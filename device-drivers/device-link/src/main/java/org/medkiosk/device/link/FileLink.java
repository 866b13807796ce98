package org.medkiosk.device.link;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A device file or plain file: USB printer class nodes such as {@code /dev/usb/lp0} (read-write), or a capture file
 * that collects everything written (output only, for spooling and for checking bytes in tests).
 *
 * <p>Device files have no read timeout of their own, so reads are done by a small daemon thread into a buffer.
 */
public final class FileLink implements Link {

    public enum Mode {
        /** Open an existing device node for reading and writing. */
        READ_WRITE,
        /** Create or append to a file; nothing is ever read. */
        OUTPUT_ONLY
    }

    private final Path path;
    private final Mode mode;
    private volatile OutputStream out;
    private volatile InputStream in;
    private volatile ByteQueue received;
    private volatile IOException readFailure;
    private Thread readerThread;

    public FileLink(Path path, Mode mode) {
        this.path = path;
        this.mode = mode;
    }

    @Override
    public String address() {
        return "file:" + path;
    }

    @Override
    public synchronized void open() throws LinkException {
        if (out != null) {
            return;
        }
        try {
            if (mode == Mode.OUTPUT_ONLY) {
                out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE);
                return;
            }
            if (!Files.exists(path)) {
                throw new LinkException(LinkException.Reason.NOT_FOUND, "no such device file: " + path);
            }
            out = new FileOutputStream(path.toFile(), true);
            in = new FileInputStream(path.toFile());
            received = new ByteQueue();
            readFailure = null;
            startReader(in, received);
        } catch (LinkException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new LinkException(LinkException.Reason.PERMISSION_DENIED, "permission denied on " + path, e);
        } catch (NoSuchFileException e) {
            throw new LinkException(LinkException.Reason.NOT_FOUND, "no such file: " + path, e);
        } catch (FileNotFoundException e) {
            // FileOutputStream reports both "missing" and "denied" this way.
            boolean denied = Files.exists(path);
            closeStreams();
            throw new LinkException(denied ? LinkException.Reason.PERMISSION_DENIED : LinkException.Reason.NOT_FOUND,
                    (denied ? "permission denied on " : "no such file: ") + path, e);
        } catch (IOException e) {
            closeStreams();
            throw new LinkException(LinkException.Reason.IO, "cannot open " + path, e);
        }
    }

    private void startReader(InputStream stream, ByteQueue queue) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    int n = stream.read(buf);
                    if (n > 0) {
                        queue.put(buf, 0, n);
                    } else if (n < 0) {
                        // Plain files end; device nodes report EOF while idle. Either way: nothing new yet.
                        Thread.sleep(20);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                if (in == stream) {
                    readFailure = e;
                    queue.breakQueue();
                }
            }
        }, "file-link-reader " + path.getFileName());
        t.setDaemon(true);
        t.start();
        readerThread = t;
    }

    @Override
    public boolean isOpen() {
        return out != null;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws LinkException {
        OutputStream o = out;
        if (o == null) {
            throw new LinkException(LinkException.Reason.CLOSED, address() + " is not open");
        }
        try {
            o.write(data, offset, length);
            o.flush();
        } catch (IOException e) {
            close();
            throw new LinkException(LinkException.Reason.DISCONNECTED, "write failed on " + path, e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws LinkException {
        if (out == null) {
            throw new LinkException(LinkException.Reason.CLOSED, address() + " is not open");
        }
        try {
            ByteQueue q = received;
            if (q == null) {
                // Output-only: behave like a device that never answers.
                if (timeout != null && !timeout.isNegative() && !timeout.isZero()) {
                    Thread.sleep(timeout.toMillis());
                }
                return 0;
            }
            int n = q.take(buffer, offset, length, ByteQueue.nanos(timeout));
            if (n < 0) {
                IOException cause = readFailure;
                close();
                throw new LinkException(LinkException.Reason.DISCONNECTED, "read failed on " + path, cause);
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException(LinkException.Reason.IO, "interrupted while reading " + path, e);
        }
    }

    @Override
    public void discardInput() {
        ByteQueue q = received;
        if (q != null) {
            q.clear();
        }
    }

    @Override
    public synchronized void close() {
        closeStreams();
    }

    private void closeStreams() {
        Thread t = readerThread;
        readerThread = null;
        InputStream i = in;
        in = null;
        OutputStream o = out;
        out = null;
        received = null;
        if (t != null) {
            t.interrupt();
        }
        try {
            if (i != null) {
                i.close();
            }
        } catch (IOException ignored) {
            // already broken
        }
        try {
            if (o != null) {
                o.close();
            }
        } catch (IOException ignored) {
            // already broken
        }
    }
}
