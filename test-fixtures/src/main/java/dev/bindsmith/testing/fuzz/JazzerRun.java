package dev.bindsmith.testing.fuzz;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -Pfuzz} profile's runner: the coverage-guided fuzzer Jazzer (libFuzzer inside the JVM)
 * on each target in turn, each in a fresh JVM with a bounded heap, a per-input time-out and an RSS
 * limit, seeded from the target's corpus ({@code fuzz/<TargetSimpleName>/} on the class path). Its
 * class path is this process's (the module's test class path) plus Jazzer's jars ({@code --jazzer}, a
 * class path: {@code com.code-intelligence:jazzer} and {@code jazzer-api}).
 *
 * <pre>
 * java -cp &lt;test class path&gt; dev.bindsmith.testing.fuzz.JazzerRun --jazzer=jazzer.jar:jazzer-api.jar --runs=1000000 \
 *     --out=target/fuzz [--seed=16] [--timeout=10] [--heap=1g] [--rss=3072] dev.bindsmith.x.SomeFuzzTarget …
 * </pre>
 *
 * Per target it keeps {@code <out>/<Target>/jazzer.log}, the inputs that found new coverage
 * ({@code corpus/}) and any crash ({@code crash-*}, {@code timeout-*}, {@code oom-*}); it prints one line
 * per target (inputs, seconds, rate, coverage, verdict) and writes them to {@code <out>/summary.txt}.
 * It exits 1 when a target crashed, hung, ran out of memory or did not reach the requested runs.
 */
public final class JazzerRun {
    private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");
    private static final Pattern EXECUTED = Pattern.compile("stat::number_of_executed_units:\\s+(\\d+)");
    private static final Pattern COVERAGE = Pattern.compile("cov: (\\d+) ft: (\\d+)");
    private static final Pattern PEAK_RSS = Pattern.compile("stat::peak_rss_mb:\\s+(\\d+)");

    private JazzerRun() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "runs", "1000000", "seed", "16", "timeout", "10", "heap", "1g", "rss", "3072", "out", "target/fuzz"));
        List<String> targets = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (!a.isBlank()) {
                targets.addAll(List.of(a.trim().split("[,\\s]+")));
            }
        }
        if (!options.containsKey("jazzer") || targets.isEmpty()) {
            System.err.println(
                    "usage: JazzerRun --jazzer=<jazzer.jar:jazzer-api.jar> [--runs=N] [--out=DIR] TargetClass …");
            System.exit(2);
        }
        Path out = Path.of(options.get("out")).toAbsolutePath();
        long runs = Long.parseLong(options.get("runs"));
        List<String> summary = new ArrayList<>();
        boolean failed = false;
        for (String target : targets) {
            Result r = fuzz(target, runs, out, options);
            summary.add(r.line());
            System.out.println(r.line());
            failed |= !r.ok(runs);
        }
        Files.createDirectories(out);
        Files.write(out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        System.exit(failed ? 1 : 0);
    }

    private record Result(
            String target,
            int exit,
            long executed,
            long seconds,
            String coverage,
            long peakRssMb,
            List<String> findings) {
        boolean ok(long runs) {
            return exit == 0 && findings.isEmpty() && executed >= runs;
        }

        String line() {
            String rate = seconds > 0 ? executed / seconds + "/s" : "-";
            return target + ": " + executed + " inputs in " + seconds + " s (" + rate + "), " + coverage
                    + ", peak RSS " + peakRssMb + " MiB, "
                    + (findings.isEmpty() && exit == 0
                            ? "no crash, no hang, no out-of-memory"
                            : "FAILED (exit " + exit + ") " + findings);
        }
    }

    private static Result fuzz(String target, long runs, Path out, Map<String, String> o)
            throws IOException, InterruptedException {
        String simple = target.substring(target.lastIndexOf('.') + 1);
        Path dir = out.resolve(simple);
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        Path log = dir.resolve("jazzer.log");
        String classPath = System.getProperty("java.class.path") + File.pathSeparator + o.get("jazzer");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + o.get("heap"),
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+EnableDynamicAgentLoading",
                "-cp",
                classPath,
                "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + target,
                "--instrumentation_includes=dev.bindsmith.**:org.xbill.**:com.fasterxml.jackson.**",
                "-runs=" + runs,
                "-seed=" + o.get("seed"),
                "-timeout=" + o.get("timeout"),
                "-rss_limit_mb=" + o.get("rss"),
                "-print_final_stats=1",
                "-artifact_prefix=" + dir + File.separator,
                corpus.toString(),
                MutationFuzzer.corpusDirectory(simple).toString()));
        System.out.println("fuzzing " + target + " (" + runs + " inputs), log: " + log);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int exit = p.waitFor();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        long executed = last(EXECUTED, text).map(Long::parseLong).orElse(0L);
        long seconds = last(DONE, text, 2).map(Long::parseLong).orElse(0L);
        String coverage = lastMatcher(COVERAGE, text)
                .map(m -> "cov " + m.group(1) + " ft " + m.group(2))
                .orElse("cov ?");
        long rss = last(PEAK_RSS, text).map(Long::parseLong).orElse(0L);
        List<String> findings;
        try (var files = Files.list(dir)) {
            findings = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("crash-")
                            || n.startsWith("timeout-")
                            || n.startsWith("oom-")
                            || n.startsWith("leak-")
                            || n.startsWith("slow-unit-"))
                    .sorted()
                    .toList();
        }
        return new Result(target, exit, executed, seconds, coverage, rss, findings);
    }

    private static java.util.Optional<String> last(Pattern p, String text) {
        return last(p, text, 1);
    }

    private static java.util.Optional<String> last(Pattern p, String text, int group) {
        return lastMatcher(p, text).map(m -> m.group(group));
    }

    private static java.util.Optional<Matcher> lastMatcher(Pattern p, String text) {
        Matcher m = p.matcher(text);
        Matcher found = null;
        while (m.find()) {
            found = p.matcher(text);
            found.find(m.start());
        }
        return java.util.Optional.ofNullable(found);
    }
}
