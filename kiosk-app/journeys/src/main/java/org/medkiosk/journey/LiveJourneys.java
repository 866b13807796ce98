package org.medkiosk.journey;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Journeys running in this process. The minute-by-minute settlement leaves their intents alone (the journey
 * itself is polling or about to book); at start-up the set is empty, so every open intent is settled.
 */
public final class LiveJourneys {
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    public void started(String journeyId) {
        ids.add(journeyId);
    }

    public void ended(String journeyId) {
        ids.remove(journeyId);
    }

    public boolean isLive(String journeyId) {
        return ids.contains(journeyId);
    }
}
