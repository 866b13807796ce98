package org.medkiosk.device.link;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A growable FIFO of bytes with a timed read; the wire of in-memory links and the buffer of file reads. */
final class ByteQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private byte[] data = new byte[4096];
    private int head;
    private int size;
    private boolean broken;

    void put(byte[] src, int offset, int length) {
        lock.lock();
        try {
            ensureCapacity(size + length);
            for (int i = 0; i < length; i++) {
                data[(head + size + i) % data.length] = src[offset + i];
            }
            size += length;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Returns bytes read, 0 on timeout, -1 when the queue was broken (peer gone) and is empty. */
    int take(byte[] dst, int offset, int length, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = timeoutNanos;
            while (size == 0) {
                if (broken) {
                    return -1;
                }
                if (remaining <= 0) {
                    return 0;
                }
                remaining = arrived.awaitNanos(remaining);
            }
            int n = Math.min(length, size);
            for (int i = 0; i < n; i++) {
                dst[offset + i] = data[(head + i) % data.length];
            }
            head = (head + n) % data.length;
            size -= n;
            return n;
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            head = 0;
            size = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes readers; once empty they see end of stream. */
    void breakQueue() {
        lock.lock();
        try {
            broken = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void repair() {
        lock.lock();
        try {
            broken = false;
            head = 0;
            size = 0;
        } finally {
            lock.unlock();
        }
    }

    private void ensureCapacity(int needed) {
        if (needed <= data.length) {
            return;
        }
        byte[] bigger = new byte[Math.max(needed, data.length * 2)];
        for (int i = 0; i < size; i++) {
            bigger[i] = data[(head + i) % data.length];
        }
        data = bigger;
        head = 0;
    }

    static long nanos(java.time.Duration d) {
        return d == null ? 0 : TimeUnit.NANOSECONDS.convert(d);
    }
}
