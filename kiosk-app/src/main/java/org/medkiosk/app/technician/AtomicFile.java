package org.medkiosk.app.technician;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.time.Instant;

/**
 * A file replaced whole or not at all: the new content goes to a temporary file in the same folder, is forced to the
 * disk, moved over the old file with ATOMIC_MOVE (rename(2)), and then the folder is forced, so that after a crash
 * or a power cut at any moment the file holds either its old or its new content, never a part of either.
 *
 * <p>The temporary file is created owner-only (0600 on POSIX), so a file that holds a token or a PIN hash is never
 * readable by others, and it takes the folder's owner and group when the writer may set them (an administrator's
 * {@code sudo kiosk technician set-pin} leaves a file the kiosk's own user can still read and rewrite).
 */
final class AtomicFile {
    /** A temporary file older than this was left by a save that was killed; a live save finishes well within it. */
    private static final Duration LEFTOVER_AGE = Duration.ofSeconds(10);

    private AtomicFile() {
    }

    static void replace(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        String prefix = temporaryPrefix(target);
        removeLeftovers(folder, prefix);
        Path temporary = Files.createTempFile(folder, prefix, ".tmp");
        try {
            takeOwnerOf(folder, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        forceFolder(folder);
    }

    /** Temporary files of {@code file} are named {@code .NAME.<random>.tmp}: hidden, and never a name a loader reads. */
    static String temporaryPrefix(Path file) {
        return "." + file.getFileName() + ".";
    }

    private static void removeLeftovers(Path folder, String prefix) {
        Instant before = Instant.now().minus(LEFTOVER_AGE);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, prefix + "*.tmp")) {
            for (Path leftover : leftovers) {
                FileTime modified = Files.getLastModifiedTime(leftover);
                if (modified.toInstant().isBefore(before)) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            // Only tidiness: a leftover is never read, and the save itself goes on.
        }
    }

    private static void takeOwnerOf(Path folder, Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            PosixFileAttributes folderAttributes = Files.readAttributes(folder, PosixFileAttributes.class);
            PosixFileAttributes fileAttributes = view.readAttributes();
            if (!fileAttributes.owner().equals(folderAttributes.owner())) {
                view.setOwner(folderAttributes.owner());
            }
            if (!fileAttributes.group().equals(folderAttributes.group())) {
                view.setGroup(folderAttributes.group());
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not permitted for an ordinary user, and then not needed: the writer is the kiosk's own user.
        }
    }

    /** Makes the rename itself durable. Linux allows fsync on a folder; where a folder cannot be opened, it is skipped. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; NTFS journals the rename.
        }
    }
}
