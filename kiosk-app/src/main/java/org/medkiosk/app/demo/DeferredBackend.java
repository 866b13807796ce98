package org.medkiosk.app.demo;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.HospitalBackend;

/**
 * A backend that is still starting (the embedded demo hospital boots in the background so the idle screen
 * shows at once). Calls wait for it up to a bound, then fail as Unavailable — never hang a screen.
 */
public final class DeferredBackend {
    private DeferredBackend() {
    }

    public static HospitalBackend of(CompletableFuture<? extends HospitalBackend> starting, Duration wait) {
        return (HospitalBackend) Proxy.newProxyInstance(HospitalBackend.class.getClassLoader(),
                // Also the guidance port, so the guidance screens reach the demo hospital through the same wait.
                new Class<?>[] {HospitalBackend.class, org.medkiosk.hospital.HospitalGuide.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "toString" -> "DeferredBackend[" + (starting.isDone() ? "ready" : "starting") + "]";
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> throw new UnsupportedOperationException(method.getName());
                        };
                    }
                    HospitalBackend backend;
                    try {
                        backend = starting.get(wait.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        throw new BackendException.Unavailable("the hospital backend is still starting", e);
                    } catch (ExecutionException e) {
                        throw new BackendException.Unavailable("the hospital backend failed to start: " + e.getCause(), e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new BackendException.Unavailable("interrupted while waiting for the backend", e);
                    }
                    if (!method.getDeclaringClass().isInstance(backend)) {
                        throw new BackendException.Unavailable("the hospital backend offers no " + method.getName(), null);
                    }
                    try {
                        return method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
