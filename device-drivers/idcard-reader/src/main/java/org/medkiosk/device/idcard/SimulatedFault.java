package org.medkiosk.device.idcard;

/** Misbehaviour the {@link SamReaderSimulator} can be told to show, to exercise the driver's error paths. */
public enum SimulatedFault {
    /** The next read answer has a wrong checksum (then the fault clears itself). */
    CORRUPT_CHECKSUM_ONCE,
    /** Every read answer has a wrong checksum. */
    CORRUPT_CHECKSUM,
    /** A bogus preamble with an impossible length comes before every answer. */
    BAD_LENGTH_BEFORE_ANSWER,
    /** Answers are sent in small pieces with pauses, as slow USB-serial adapters deliver them. */
    SPLIT_FRAMES,
    /** Line noise comes before every answer. */
    NOISE,
    /** The next read answer stops half way and the card is gone (then the fault clears itself). */
    CARD_PULLED_MID_READ,
    /** Every command is answered with SW3 60 (SAM self-test failed). */
    SAM_SELF_TEST_FAILED,
    /** Every command is answered with SW3 66 (SAM not authorized). */
    SAM_NOT_AUTHORIZED,
    /** Read answers are SW3 41 (read failed). */
    READ_FAILED,
    /** Select answers are SW3 40 (unknown card type). */
    UNKNOWN_CARD_TYPE,
    /** Nothing is answered (reader without power behind a live USB adapter). */
    SILENT
}
