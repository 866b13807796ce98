package org.medkiosk.journey.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Background work on a small daemon pool, results on the given UI executor (Platform::runLater in the app). */
public final class PooledTaskExecutor implements TaskExecutor {
    private final ExecutorService pool;
    private final Executor ui;

    public PooledTaskExecutor(Executor ui) {
        this.ui = ui;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "kiosk-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newCachedThreadPool(threads);
    }

    @Override
    public Executor background() {
        return pool;
    }

    @Override
    public Executor ui() {
        return ui;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
