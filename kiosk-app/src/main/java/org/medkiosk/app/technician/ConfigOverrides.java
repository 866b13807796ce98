package org.medkiosk.app.technician;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.medkiosk.app.config.ConfigException;
import org.medkiosk.app.config.ConfigLoader;
import org.medkiosk.app.config.KioskConfig;

/**
 * The technician's configuration changes: a properties file in the kiosk's data folder
 * ({@value ConfigLoader#OVERRIDES_FILE_NAME}) that {@link ConfigLoader#load(Path)} applies on top of the
 * administrator's kiosk.properties, which the kiosk never writes (its comments, owner and mode survive).
 *
 * <p>An edit is validated by the loader itself, on the administrator's file with the edited overrides on top, exactly
 * as the kiosk will load them at its next start; only then is it saved, atomically ({@link AtomicFile}): a kill or a
 * power cut during the save leaves the previous overrides or the new ones, never a file the kiosk cannot start with.
 * A key set here to an empty value means "none / the default" (e.g. no receipt printer); removing the key goes back to
 * the administrator's value. {@code storage.data-folder} cannot be overridden (this file lives in that folder).
 */
public final class ConfigOverrides {
    private final Path mainFile;
    private final Path file;

    private ConfigOverrides(Path mainFile, Path file) {
        this.mainFile = mainFile;
        this.file = file;
    }

    /** The overrides of {@code mainFile} in {@code dataFolder} (the kiosk's {@code KioskPlatform.dataFolder()}). */
    public static ConfigOverrides in(Path dataFolder, Path mainFile) {
        return new ConfigOverrides(mainFile, ConfigLoader.overridesFileIn(dataFolder));
    }

    /** The overrides {@link ConfigLoader#load(Path)} applies to {@code mainFile}: in the data folder it names. */
    public static ConfigOverrides of(Path mainFile) {
        return new ConfigOverrides(mainFile, ConfigLoader.overridesFileFor(mainFile));
    }

    /** The administrator's file, read-only to the kiosk. */
    public Path mainFile() {
        return mainFile;
    }

    /** The overrides file (it may not exist yet). */
    public Path file() {
        return file;
    }

    /** The values set here, by key; empty when the technician has changed nothing. */
    public synchronized SortedMap<String, String> values() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Collections.emptySortedMap();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        SortedMap<String, String> values = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            values.put(key, p.getProperty(key));
        }
        return Collections.unmodifiableSortedMap(values);
    }

    /** The configuration the kiosk starts with: the administrator's file with these overrides on top. */
    public synchronized KioskConfig effective() {
        return ConfigLoader.load(mainFile, file);
    }

    /** Sets one key here (validated, then saved); returns the configuration the kiosk will start with. */
    public synchronized KioskConfig set(String key, String value) {
        SortedMap<String, String> values = new TreeMap<>(values());
        values.put(key, value);
        return replaceAll(values);
    }

    /** Sets several keys at once: all are saved, or none (one bad value refuses the whole edit). */
    public synchronized KioskConfig setAll(Map<String, String> changes) {
        SortedMap<String, String> values = new TreeMap<>(values());
        values.putAll(changes);
        return replaceAll(values);
    }

    /** Removes a key from here, so the administrator's value (or the default) applies again. */
    public synchronized KioskConfig remove(String key) {
        SortedMap<String, String> values = new TreeMap<>(values());
        values.remove(key);
        return replaceAll(values);
    }

    /**
     * Replaces all overrides with {@code values}: validated by {@link ConfigLoader} together with the administrator's
     * file, then saved atomically. Throws {@link ConfigException} (the loader's one-line message, naming this file)
     * and saves nothing when a value is not valid; {@link UncheckedIOException} when the file cannot be written.
     */
    public synchronized KioskConfig replaceAll(Map<String, String> values) {
        String text = text(values);
        KioskConfig config = ConfigLoader.parse(mainFile.toString(), mainText(), file.toString(), text);
        try {
            AtomicFile.replace(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the configuration changes to " + file + ": " + e.getMessage(), e);
        }
        return config;
    }

    /** The file's exact content for these values (a test compares a file after a kill against it). */
    String text(Map<String, String> values) {
        return PropertiesText.render("MedKiosk: the technician's changes to " + mainFile + ", applied on top of it.\n"
                + "Written by the kiosk's technician mode, validated as that file is; do not edit while the kiosk runs.\n"
                + "Remove a line to go back to the value in " + mainFile.getFileName() + ".", new TreeMap<>(values));
    }

    private String mainText() {
        try {
            return Files.readString(mainFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file not found: " + mainFile);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + mainFile + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "ConfigOverrides[" + file + " over " + mainFile + "]";
    }
}
