package dev.bindsmith.dns.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic writes of UTF-8 text: a temporary file in the target's own directory (a rename never
 * crosses a file system), written and forced to disk, then moved into place in one step, and the
 * directory forced so that the new entry survives a crash. A reader sees the old file or the new
 * one, never a part; nothing copies.
 *
 * <ul>
 * <li>Files are {@code rw-r--r--} whatever the umask, as named writes its own zone files: named
 *     usually runs as a user of its own and must read what bindsmith writes.</li>
 * <li>The temporary name does not repeat the target's ({@code .bindsmith-<random>.tmp}), so a
 *     target whose name is as long as the file system allows can still be written.</li>
 * <li>{@link #createNew} never replaces a file: a hard link fails when the target exists, so two
 *     creators cannot both win. Where the file system has no hard links it falls back to an atomic
 *     rename after checking that the target is absent.</li>
 * </ul>
 *
 * <pre>{@code
 * AtomicFiles.createNew(dir.resolve("example.com.zone"), masterFile);   // FileAlreadyExistsException if it exists
 * AtomicFiles.replace(dir.resolve("example.com.zone"), updated);
 * }</pre>
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rw-r--r--");
    private static final String TEMPORARY_PREFIX = ".bindsmith-";
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private AtomicFiles() {}

    /**
     * Writes {@code text} to {@code target}, which must not exist.
     *
     * @throws FileAlreadyExistsException when it exists (the exception's file is {@code target})
     * @throws IOException when the file system supports neither hard links nor atomic renames, or a write fails
     */
    public static void createNew(Path target, String text) throws IOException {
        Path dir = directoryOf(target);
        Path tmp = newTemporary(dir, text);
        try {
            linkNew(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        forceDirectory(dir);
    }

    /**
     * A name for a temporary file in {@code dir}, for {@link #writeTemporary}; nothing is made. The
     * first half of {@link #createNew}, for callers that make several files durable together and must
     * know the temporary file's name before it exists: when a write fails after the file was made and
     * the directory has been moved away meanwhile, the file cannot be removed at its name until the
     * directory is back, and only a caller that knows the name can remove it then.
     */
    public static Path temporaryName(Path dir) {
        // a name, not a secret: any distinct one will do
        return dir.resolve(TEMPORARY_PREFIX
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), Character.MAX_RADIX)
                + TEMPORARY_SUFFIX);
    }

    /**
     * Makes {@code tmp} (a {@link #temporaryName}, which must not exist) holding {@code text}, forced to
     * disk, readable by all, with the one open that writes it. Link it into place with {@link #linkNew},
     * then delete it and force the directory. When it fails, {@code tmp} is removed if it is still found
     * at its name; the caller removes it again otherwise.
     *
     * @throws IOException when it could not be made and written; also when a file of its name exists
     *     (not a {@link FileAlreadyExistsException}: that is the target's, in {@link #linkNew})
     */
    public static void writeTemporary(Path tmp, String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        FileChannel ch;
        try {
            ch = openNew(tmp);
        } catch (FileAlreadyExistsException taken) {
            throw new FileSystemException(
                    tmp.getFileName().toString(), null, "a temporary file of this name exists already");
        }
        try (ch) {
            try {
                // the umask may have taken bits from the mode it was made with
                Files.setPosixFilePermissions(tmp, READABLE_BY_ALL);
            } catch (UnsupportedOperationException notPosix) {
                // the file system's own permissions apply
            }
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Gives {@code tmp} (from {@link #writeTemporary}, in the target's directory) the name {@code target}, which
     * must not exist. The directory is not forced: the caller does that, once for several files.
     *
     * @throws FileAlreadyExistsException when {@code target} exists
     */
    public static void linkNew(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp);
        } catch (UnsupportedOperationException | FileSystemException noLink) {
            if (noLink instanceof FileAlreadyExistsException) {
                throw new FileAlreadyExistsException(target.toString());
            }
            // No hard links here (FAT, some network and FUSE file systems). Between this check and
            // the rename another process could create the target; within one process the callers'
            // per-zone locks already exclude that.
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            moveAtomically(tmp, target);
        }
    }

    /**
     * True for the name of a temporary file these methods make ({@code .bindsmith-<random>.tmp}): one
     * that is still there when no write is running was left by a crash and can be removed.
     */
    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(TEMPORARY_PREFIX) && fileName.endsWith(TEMPORARY_SUFFIX);
    }

    /** Writes {@code text} to {@code target}, replacing the file when it exists. */
    public static void replace(Path target, String text) throws IOException {
        Path dir = directoryOf(target);
        Path tmp = newTemporary(dir, text);
        try {
            moveAtomically(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        forceDirectory(dir);
    }

    private static Path directoryOf(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            throw new IllegalArgumentException("a file needs a directory: " + target);
        }
        return dir;
    }

    /** A new temporary file in {@code dir} holding {@code text}, forced to disk. */
    private static Path newTemporary(Path dir, String text) throws IOException {
        Path tmp = temporaryName(dir);
        writeTemporary(tmp, text);
        return tmp;
    }

    /** Creates {@code file} for writing, never wider than {@code rw-r--r--} (no moment writable by others). */
    private static FileChannel openNew(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            return FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(READABLE_BY_ALL));
        } catch (UnsupportedOperationException notPosix) {
            return FileChannel.open(file, options);
        }
    }

    private static void moveAtomically(Path tmp, Path target, StandardCopyOption... options) throws IOException {
        StandardCopyOption[] all = new StandardCopyOption[options.length + 1];
        all[0] = StandardCopyOption.ATOMIC_MOVE;
        System.arraycopy(options, 0, all, 1, options.length);
        try {
            Files.move(tmp, target, all);
        } catch (AtomicMoveNotSupportedException e) {
            // no copying fallback: a reader, or a crash, must never meet a half-written zone file
            throw new IOException("the file system supports neither hard links nor atomic renames", e);
        }
    }

    /**
     * Forces {@code dir}'s entries to disk, so that a file created, renamed or removed in it stays so
     * after a crash. Best effort: some platforms cannot open or sync a directory.
     */
    public static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open or sync a directory; the file's data was forced already
        }
    }
}
