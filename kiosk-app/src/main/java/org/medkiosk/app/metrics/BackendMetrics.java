package org.medkiosk.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.HospitalBackend;

/**
 * Times every call of the {@link HospitalBackend} the kiosk uses: {@code medkiosk_backend_requests_seconds{operation,
 * outcome}} (operation: the port's method name; outcome: ok or error) and {@code medkiosk_backend_errors_total{operation,
 * error}} (the exception's simple class name). Labels never hold an argument or an answer, so no patient data.
 * Remembers the last call's outcome for {@code /health}: whether the hospital answered at all.
 */
final class BackendMetrics implements InvocationHandler {
    /** The last call: when, which operation, and whether the hospital answered (a refusal is an answer). */
    record LastCall(Instant at, String operation, boolean reachable, String error) {
    }

    private final HospitalBackend target;
    private final MeterRegistry registry;
    private final AtomicReference<LastCall> last = new AtomicReference<>();

    private BackendMetrics(HospitalBackend target, MeterRegistry registry) {
        this.target = target;
        this.registry = registry;
    }

    /** {@code target}, timed into {@code registry}, and the handler that remembers the last outcome. */
    static Timed wrap(HospitalBackend target, MeterRegistry registry) {
        BackendMetrics handler = new BackendMetrics(target, registry);
        HospitalBackend proxy = (HospitalBackend) Proxy.newProxyInstance(HospitalBackend.class.getClassLoader(),
                new Class<?>[] {HospitalBackend.class}, handler);
        return new Timed(proxy, handler);
    }

    record Timed(HospitalBackend backend, BackendMetrics metrics) {
    }

    Optional<LastCall> lastCall() {
        return Optional.ofNullable(last.get());
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "timed " + target;
                default -> method.invoke(target, args);
            };
        }
        if (method.isDefault()) {
            // A default method (if the port gains one) calls the abstract ones through the proxy: those are timed.
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        String operation = method.getName();
        long start = System.nanoTime();
        try {
            Object result = method.invoke(target, args);
            record(operation, "ok", start);
            last.set(new LastCall(Instant.now(), operation, true, null));
            return result;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            record(operation, "error", start);
            String error = cause.getClass().getSimpleName();
            Counter.builder("medkiosk.backend.errors").description("Hospital backend calls that failed, by exception")
                    .tag("operation", operation).tag("error", error).register(registry).increment();
            last.set(new LastCall(Instant.now(), operation, answered(cause), error));
            throw cause;
        }
    }

    /** Whether the hospital answered: not found, conflict, rejected, not authorized are answers; the rest are not. */
    private static boolean answered(Throwable failure) {
        return failure instanceof BackendException.NotFound || failure instanceof BackendException.Conflict
                || failure instanceof BackendException.Rejected || failure instanceof BackendException.NotAuthorized;
    }

    private void record(String operation, String outcome, long start) {
        Timer.builder("medkiosk.backend.requests").description("Hospital backend calls, by operation and outcome")
                .tag("operation", operation).tag("outcome", outcome).register(registry)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
