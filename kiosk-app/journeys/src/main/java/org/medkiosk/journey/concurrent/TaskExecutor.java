package org.medkiosk.journey.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Where background work (backend calls, device I/O) runs, and where its results come back. The app uses
 * a thread pool and the JavaFX thread; tests use {@link #synchronous()} so journeys run deterministically
 * without threads (the JabRef TaskExecutor idea).
 */
public interface TaskExecutor extends AutoCloseable {

    /** Runs work off the UI thread. */
    Executor background();

    /** Delivers results on the UI thread. */
    Executor ui();

    /** Runs {@code work} in the background and completes on the UI thread. */
    default <T> CompletableFuture<T> supplyAsync(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        background().execute(() -> {
            T value;
            try {
                value = work.get();
            } catch (Throwable e) {
                ui().execute(() -> result.completeExceptionally(e));
                return;
            }
            ui().execute(() -> result.complete(value));
        });
        return result;
    }

    @Override
    default void close() {
    }

    /** Everything on the calling thread: for tests and command-line tools. */
    static TaskExecutor synchronous() {
        return new TaskExecutor() {
            @Override
            public Executor background() {
                return Runnable::run;
            }

            @Override
            public Executor ui() {
                return Runnable::run;
            }
        };
    }
}
