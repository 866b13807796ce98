package org.medkiosk.app.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachPlatformTest {

    @Test
    void configuredDataFolderWins(@TempDir Path dir) {
        assertEquals(dir, new AttachPlatform(Optional.of(dir)).dataFolder());
    }

    @Test
    void defaultIsGluonPrivateStorageUnderTheUsersHome() {
        // Gluon Attach's desktop StorageService: ~/.gluon; ours is a folder inside it.
        Path folder = new AttachPlatform(Optional.empty()).dataFolder();
        assertEquals("medkiosk", folder.getFileName().toString());
        assertTrue(folder.startsWith(Path.of(System.getProperty("user.home"))), folder.toString());
        assertEquals(".gluon", folder.getParent().getFileName().toString());
    }
}
