package org.medkiosk.app.config;

/** A configuration value a technician must fix; the message names the key, the value and what is allowed. */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String source, String key, String value, String allowed) {
        super(source + ": " + key + " = \"" + value + "\" is not valid: expected " + allowed);
        this.key = key;
    }

    public ConfigException(String message) {
        super(message);
        this.key = null;
    }

    public String key() {
        return key;
    }
}
