package org.medkiosk.app.platform;

import com.gluonhq.attach.display.DisplayService;
import com.gluonhq.attach.lifecycle.LifecycleEvent;
import com.gluonhq.attach.lifecycle.LifecycleService;
import com.gluonhq.attach.storage.StorageService;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@link KioskPlatform} over Gluon Attach (desktop implementations). A configured data folder wins over the
 * platform's private storage, because kiosks are installed with the journal on a known, backed-up path.
 */
public final class AttachPlatform implements KioskPlatform {
    private final Optional<Path> configuredDataFolder;

    public AttachPlatform(Optional<Path> configuredDataFolder) {
        this.configuredDataFolder = configuredDataFolder;
    }

    @Override
    public Path dataFolder() {
        return configuredDataFolder.orElseGet(() -> StorageService.create()
                .flatMap(StorageService::getPrivateStorage)
                .map(File::toPath)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".gluon"))
                .resolve("medkiosk"));
    }

    @Override
    public ScreenSize screenSize() {
        return DisplayService.create()
                .map(d -> d.getDefaultDimensions())
                .map(dim -> new ScreenSize(dim.getWidth(), dim.getHeight()))
                .orElse(new ScreenSize(1080, 1920));
    }

    @Override
    public void onShutdown(Runnable action) {
        LifecycleService.create().ifPresent(l -> l.addListener(LifecycleEvent.PAUSE, action));
        Runtime.getRuntime().addShutdownHook(new Thread(action, "kiosk-shutdown"));
    }
}
