package dev.bindsmith.testing.named;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.random.RandomGenerator;

/**
 * A loopback port held for one named until it is closed.
 *
 * <p>named binds its listeners with {@code SO_REUSEPORT}: a second named given the same port starts
 * happily and the two split the traffic, so a plain "is it free?" probe is not enough when several
 * test JVMs start nameds at once. Ports are therefore taken below the kernel's ephemeral range (so
 * no socket bound to port 0 can be handed one), probed for TCP and UDP, and locked with a file lock
 * that every launcher on the machine honours and the OS releases when the JVM dies.
 */
final class PortReservation implements AutoCloseable {
    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;
    private static final int ATTEMPTS = 500;

    private final int port;
    private final FileChannel channel;
    private final FileLock lock;

    private PortReservation(int port, FileChannel channel, FileLock lock) {
        this.port = port;
        this.channel = channel;
        this.lock = lock;
    }

    int port() {
        return port;
    }

    static PortReservation reserve(RandomGenerator random) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "bindsmith-named-ports");
        Files.createDirectories(dir);
        for (int i = 0; i < ATTEMPTS; i++) {
            int candidate = LOW + random.nextInt(HIGH - LOW);
            FileChannel channel = FileChannel.open(
                    dir.resolve(candidate + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = null;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            if (lock != null && isFree(candidate)) {
                return new PortReservation(candidate, channel, lock);
            }
            if (lock != null) {
                lock.release();
            }
            channel.close();
        }
        throw new IOException("no free loopback port found in " + LOW + "-" + HIGH);
    }

    private static boolean isFree(int port) {
        InetAddress loopback = RunningNamed.LOOPBACK;
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.bind(new InetSocketAddress(loopback, port));
        } catch (IOException e) {
            return false;
        }
        try (DatagramSocket udp = new DatagramSocket(null)) {
            udp.bind(new InetSocketAddress(loopback, port));
        } catch (IOException e) {
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases the lock too
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
