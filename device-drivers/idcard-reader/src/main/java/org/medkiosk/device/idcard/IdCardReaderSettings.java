package org.medkiosk.device.idcard;

import java.time.Duration;

/**
 * Tuning of the reader loop.
 *
 * @param pollInterval          pause between find-card polls
 * @param answerTimeout         wait for the answer to find / select / SAM commands
 * @param readTimeout           wait for the 1,295-byte read answer (wire time at 115200 baud is ~112 ms; the SAM
 *                              itself needs several hundred ms to read a card)
 * @param checksumRetries       re-reads after a corrupted read answer
 * @param removalConfirmations  consecutive failed finds before a card counts as removed (one miss can be a card
 *                              being adjusted on the reader)
 * @param reopenInterval        wait before reopening a lost link
 */
public record IdCardReaderSettings(Duration pollInterval, Duration answerTimeout, Duration readTimeout,
                                   int checksumRetries, int removalConfirmations, Duration reopenInterval) {

    public IdCardReaderSettings {
        if (checksumRetries < 0 || removalConfirmations < 1) {
            throw new IllegalArgumentException("retries must be >= 0 and removal confirmations >= 1");
        }
    }

    public static IdCardReaderSettings defaults() {
        return new IdCardReaderSettings(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(3), 2, 2,
                Duration.ofSeconds(2));
    }

    public IdCardReaderSettings withPollInterval(Duration d) {
        return new IdCardReaderSettings(d, answerTimeout, readTimeout, checksumRetries, removalConfirmations,
                reopenInterval);
    }

    public IdCardReaderSettings withTimeouts(Duration answer, Duration read) {
        return new IdCardReaderSettings(pollInterval, answer, read, checksumRetries, removalConfirmations,
                reopenInterval);
    }

    public IdCardReaderSettings withReopenInterval(Duration d) {
        return new IdCardReaderSettings(pollInterval, answerTimeout, readTimeout, checksumRetries,
                removalConfirmations, d);
    }
}
