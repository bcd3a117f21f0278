package dev.bindsmith.testing.fuzz;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A seeded mutation fuzzer for the normal build: it runs a target's corpus ({@code fuzz/<name>/} on
 * the class path), then inputs made from it by stacked random mutations (bit flips, interesting
 * bytes, insertions, deletions, duplications, splices of two corpus entries), from a fixed seed, so
 * that a failure is reproducible. Every input runs under a time bound and an allocation bound
 * (bytes the decoding thread allocated for that one input), so a hang or an allocation driven by a
 * hostile length fails the run as a crash does. A failure names the input in base64 and writes it
 * to {@code target/fuzz-findings/<name>/} for the corpus.
 *
 * <pre>{@code
 * MutationFuzzer.of("RndcReplyFuzzTarget", RndcReplyFuzzTarget::fuzzerTestOneInput).run();
 * }</pre>
 *
 * This is the smoke run: coverage-guided fuzzing for a million inputs and more is {@link JazzerRun}.
 */
public final class MutationFuzzer {
    /** The seed of every smoke run unless {@code -Dbindsmith.fuzz.seed} says otherwise. */
    public static final long DEFAULT_SEED = 16;

    private static final byte[] INTERESTING = {0, 1, 2, 0x7f, (byte) 0x80, (byte) 0xff, '"', '{', '}', ';', '\n', '$'};

    private final String name;
    private final FuzzTarget target;
    private long seed = Long.getLong("bindsmith.fuzz.seed", DEFAULT_SEED);
    private int mutations = Integer.getInteger("bindsmith.fuzz.smokeInputs", 3000);
    private Duration perInput = Duration.ofSeconds(10);
    private long perInputAllocation = 64L << 20;
    private int maxLength = 64 * 1024;

    private MutationFuzzer(String name, FuzzTarget target) {
        this.name = Objects.requireNonNull(name, "name");
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Fuzzes {@code target} with the corpus under {@code fuzz/<name>/}. */
    public static MutationFuzzer of(String name, FuzzTarget target) {
        return new MutationFuzzer(name, target);
    }

    public MutationFuzzer seed(long value) {
        this.seed = value;
        return this;
    }

    /** How many mutated inputs follow the corpus (3000 unless {@code -Dbindsmith.fuzz.smokeInputs}). */
    public MutationFuzzer mutations(int count) {
        this.mutations = count;
        return this;
    }

    /** The longest one input may take (a hang bound, generous enough for a loaded machine). */
    public MutationFuzzer perInput(Duration bound) {
        this.perInput = Objects.requireNonNull(bound, "bound");
        return this;
    }

    /** The most one input may allocate on the decoding thread (64 MiB by default). */
    public MutationFuzzer perInputAllocation(long bytes) {
        this.perInputAllocation = bytes;
        return this;
    }

    public MutationFuzzer maxLength(int bytes) {
        this.maxLength = bytes;
        return this;
    }

    /** What a run did, for its log line. */
    public record Report(String name, long seed, int corpus, int inputs, long slowestNanos, long mostAllocated) {
        @Override
        public String toString() {
            return "fuzz smoke " + name + ": " + inputs + " inputs (" + corpus + " from the corpus), seed " + seed
                    + ", slowest " + TimeUnit.NANOSECONDS.toMillis(slowestNanos) + " ms, most allocated by one "
                    + (mostAllocated >> 10) + " KiB";
        }
    }

    /** Runs the corpus and the mutations; throws {@link AssertionError} on the first crash, hang or excess. */
    public Report run() {
        List<byte[]> corpus = corpus(name);
        if (corpus.isEmpty()) {
            throw new AssertionError("the corpus of " + name + " is empty: put real inputs in fuzz/" + name + "/");
        }
        Random random = new Random(seed);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + name);
            t.setDaemon(true);
            return t;
        });
        long slowest = 0;
        long most = 0;
        int count = 0;
        try {
            for (int i = 0; i < corpus.size() + mutations; i++) {
                byte[] input = i < corpus.size() ? corpus.get(i) : mutate(corpus, random);
                long[] took = runOne(worker, input, i < corpus.size() ? "corpus entry " + i : "mutated input " + i);
                slowest = Math.max(slowest, took[0]);
                most = Math.max(most, took[1]);
                count++;
            }
        } finally {
            worker.shutdownNow();
        }
        Report report = new Report(name, seed, corpus.size(), count, slowest, most);
        System.out.println(report);
        return report;
    }

    private long[] runOne(ExecutorService worker, byte[] input, String which) {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Future<long[]> future = worker.submit(() -> {
            long before = mx.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            target.accept(input.clone());
            return new long[] {System.nanoTime() - start, mx.getCurrentThreadAllocatedBytes() - before};
        });
        long[] took;
        try {
            took = future.get(perInput.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw failure(which, input, "did not finish within " + perInput.toMillis() + " ms (a hang)", null);
        } catch (ExecutionException e) {
            throw failure(which, input, "crashed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (took[1] > perInputAllocation) {
            throw failure(
                    which,
                    input,
                    "allocated " + (took[1] >> 20) + " MiB for " + input.length + " bytes of input (bound "
                            + (perInputAllocation >> 20) + " MiB)",
                    null);
        }
        return took;
    }

    private AssertionError failure(String which, byte[] input, String what, Throwable cause) {
        String file = "crash-" + sha1(input);
        Path saved = Path.of("target", "fuzz-findings", name, file);
        try {
            Files.createDirectories(saved.getParent());
            Files.write(saved, input);
        } catch (IOException e) {
            // the base64 below still carries the input
        }
        String preview = new String(input, 0, Math.min(input.length, 200), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7e]", ".");
        return new AssertionError(
                name + ": " + which + " (seed " + seed + ", " + input.length + " bytes) " + what
                        + "\n  input (base64): "
                        + Base64.getEncoder().encodeToString(input) + "\n  printable: " + preview + "\n  saved as "
                        + saved.toAbsolutePath() + " — copy it to src/test/resources/fuzz/" + name + "/" + file
                        + " once fixed, so that every build replays it",
                cause);
    }

    // ---- the corpus ----

    /** The files under {@code fuzz/<name>/} on the class path, in name order. */
    public static List<byte[]> corpus(String name) {
        return corpusFiles(name).stream()
                .map(p -> {
                    try {
                        return Files.readAllBytes(p);
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot read " + p, e);
                    }
                })
                .toList();
    }

    /** The directory {@code fuzz/<name>/} on the class path, when it is a directory of files there. */
    public static Path corpusDirectory(String name) {
        URL url = Thread.currentThread().getContextClassLoader().getResource("fuzz/" + name);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("no corpus directory fuzz/" + name + "/ on the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> corpusFiles(String name) {
        try (Stream<Path> files = Files.list(corpusDirectory(name))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the corpus of " + name, e);
        }
    }

    // ---- mutations ----

    private byte[] mutate(List<byte[]> corpus, Random random) {
        byte[] data = corpus.get(random.nextInt(corpus.size())).clone();
        int stacked = 1 + random.nextInt(8);
        for (int i = 0; i < stacked; i++) {
            data = mutateOnce(data, corpus, random);
            if (data.length > maxLength) {
                data = Arrays.copyOf(data, maxLength);
            }
        }
        return data;
    }

    private static byte[] mutateOnce(byte[] data, List<byte[]> corpus, Random random) {
        int n = data.length;
        switch (random.nextInt(9)) {
            case 0 -> {
                if (n > 0) {
                    data[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
                }
                return data;
            }
            case 1 -> {
                if (n > 0) {
                    data[random.nextInt(n)] = INTERESTING[random.nextInt(INTERESTING.length)];
                }
                return data;
            }
            case 2 -> {
                if (n > 0) {
                    data[random.nextInt(n)] = (byte) random.nextInt(256);
                }
                return data;
            }
            case 3 -> {
                byte[] insert = new byte[1 + random.nextInt(8)];
                random.nextBytes(insert);
                return splice(data, random.nextInt(n + 1), 0, insert);
            }
            case 4 -> {
                if (n == 0) {
                    return data;
                }
                int from = random.nextInt(n);
                return splice(data, from, 1 + random.nextInt(Math.min(n - from, 64)), new byte[0]);
            }
            case 5 -> {
                if (n == 0) {
                    return data;
                }
                int from = random.nextInt(n);
                byte[] chunk = Arrays.copyOfRange(data, from, from + 1 + random.nextInt(Math.min(n - from, 256)));
                return splice(data, random.nextInt(n + 1), 0, chunk);
            }
            case 6 -> {
                byte[] other = corpus.get(random.nextInt(corpus.size()));
                if (other.length == 0) {
                    return data;
                }
                int from = random.nextInt(other.length);
                byte[] chunk =
                        Arrays.copyOfRange(other, from, from + 1 + random.nextInt(Math.min(other.length - from, 256)));
                return splice(data, random.nextInt(n + 1), 0, chunk);
            }
            case 7 -> {
                return n == 0 ? data : Arrays.copyOf(data, random.nextInt(n));
            }
            default -> {
                // a 16- or 32-bit field set to an extreme: lengths and counts are where decoders go wrong
                if (n < 2) {
                    return data;
                }
                int at = random.nextInt(n - 1);
                int value = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> 0xffff;
                    case 2 -> 0x7fff;
                    default -> 0x8000;
                };
                data[at] = (byte) (value >> 8);
                data[at + 1] = (byte) value;
                return data;
            }
        }
    }

    private static byte[] splice(byte[] data, int at, int remove, byte[] insert) {
        byte[] out = new byte[data.length - remove + insert.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(data, at + remove, out, at + insert.length, data.length - at - remove);
        return out;
    }

    private static String sha1(byte[] input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
