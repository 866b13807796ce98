package org.medkiosk.hospital;

/**
 * Why the hospital could not do what the kiosk asked, in terms a journey can act on. Messages never carry
 * personal data: they are logged.
 */
public sealed class BackendException extends RuntimeException
        permits BackendException.NotFound, BackendException.Conflict, BackendException.NotAuthorized,
        BackendException.Rejected, BackendException.Unavailable, BackendException.Timeout,
        BackendException.BadResponse {

    protected BackendException(String message, Throwable cause) {
        super(message, cause);
    }

    /** 404 or an empty search where one result was required. */
    public static final class NotFound extends BackendException {
        public NotFound(String message) {
            super(message, null);
        }
    }

    /** 409/412: the slot was taken, the invoice already paid, the print limit reached. */
    public static final class Conflict extends BackendException {
        public Conflict(String message) {
            super(message, null);
        }
    }

    /** 401/403: the kiosk's credentials are wrong or lack a permission: a technician must fix configuration. */
    public static final class NotAuthorized extends BackendException {
        private final int status;

        public NotAuthorized(int status, String message) {
            super(message, null);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** 400/422: the hospital refused the request as invalid (OperationOutcome diagnostics in the message). */
    public static final class Rejected extends BackendException {
        public Rejected(String message) {
            super(message, null);
        }
    }

    /** 429/5xx, connection refused, TLS failure, circuit open: try later or elsewhere. */
    public static final class Unavailable extends BackendException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** No answer within the operation's timeout: the outcome of a write is unknown and must be queried. */
    public static final class Timeout extends BackendException {
        public Timeout(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The answer could not be understood (malformed JSON, wrong content type, missing elements). */
    public static final class BadResponse extends BackendException {
        public BadResponse(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
