package org.medkiosk.journey.identify;

import java.util.concurrent.CompletableFuture;
import org.medkiosk.journey.concurrent.TaskExecutor;
import org.medkiosk.hospital.BackendException;
import org.medkiosk.hospital.HospitalBackend;
import org.medkiosk.hospital.PatientIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Looks a presented identity up in the hospital, off the UI thread. */
public final class IdentifyJourney {
    private static final Logger LOG = LoggerFactory.getLogger(IdentifyJourney.class);

    private final HospitalBackend backend;
    private final TaskExecutor tasks;

    public IdentifyJourney(HospitalBackend backend, TaskExecutor tasks) {
        this.backend = backend;
        this.tasks = tasks;
    }

    /** Completes on the UI thread; never exceptionally. */
    public CompletableFuture<IdentifyOutcome> identify(PatientIdentifier identifier) {
        return tasks.supplyAsync(() -> lookUp(identifier));
    }

    private IdentifyOutcome lookUp(PatientIdentifier identifier) {
        try {
            return backend.findPatient(identifier)
                    .<IdentifyOutcome>map(IdentifyOutcome.Identified::new)
                    .orElseGet(IdentifyOutcome.UnknownPatient::new);
        } catch (BackendException e) {
            LOG.warn("patient look-up failed for {}: {}", identifier, e.toString());
            return new IdentifyOutcome.BackendUnavailable(e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.error("patient look-up failed unexpectedly for {}", identifier, e);
            return new IdentifyOutcome.BackendUnavailable(e.getClass().getSimpleName());
        }
    }
}
