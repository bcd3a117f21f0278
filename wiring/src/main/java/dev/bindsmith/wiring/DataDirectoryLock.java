package dev.bindsmith.wiring;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the embedded server's data directory, held while a backend uses it. The
 * operating system releases it when the process ends, however it ends, so a stale lock file is harmless.
 */
final class DataDirectoryLock implements AutoCloseable {
    /** Not a zone file: the embedded server reads only {@code *.zone} and {@code *.db}. */
    static final String FILE_NAME = ".bindsmith.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dataDir} (creating it when missing).
     *
     * @throws BackendConfigurationException naming {@code BINDSMITH_DATA_DIR} when another process (or
     *         another backend of this one) holds it, or when it cannot be used
     */
    static DataDirectoryLock acquire(Path dataDir) {
        Path where = dataDir.toAbsolutePath().normalize();
        FileChannel channel;
        try {
            Files.createDirectories(where);
            channel = FileChannel.open(where.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new BackendConfigurationException(
                    BackendSettings.DATA_DIR, "cannot use " + where + " (" + e.getMessage() + ")");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BackendConfigurationException(
                    BackendSettings.DATA_DIR, "cannot lock " + where + " (" + e.getMessage() + ")");
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new BackendConfigurationException(
                    BackendSettings.DATA_DIR,
                    where
                            + " is in use by another bindsmith (a running 'bindsmith serve'?), which would overwrite"
                            + " changes made here; go through it with --url, or stop it first");
        }
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases the lock too.
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing more to release.
        }
    }
}
