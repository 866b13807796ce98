package org.medkiosk.device.idcard;

/**
 * The only error of the SAM frame codec: a frame whose length or checksum is wrong, or whose body does not fit the
 * answer it claims to be. The decoder has already skipped past the bad bytes when this is thrown, so decoding can go on.
 */
public final class SamFrameException extends Exception {

    public enum Kind { BAD_LENGTH, BAD_CHECKSUM, MALFORMED_BODY }

    private final Kind kind;

    public SamFrameException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
