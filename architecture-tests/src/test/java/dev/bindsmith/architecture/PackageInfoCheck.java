package dev.bindsmith.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the source packages without a {@code package-info.java} that declares them. Done on the
 * sources, not the classes: javac writes no {@code package-info.class} for a package-info that has
 * only Javadoc, so ArchUnit cannot see it.
 */
final class PackageInfoCheck {
    private PackageInfoCheck() {}

    /** Every {@code <module>/src/main/java} under {@code root}. */
    static List<Path> sourceRoots(Path root) {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packages (dotted) under {@code sourceRoot} that hold Java files but no package-info declaring them. */
    static List<String> packagesWithoutPackageInfo(Path sourceRoot) {
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            List<Path> dirs = files.filter(f -> f.toString().endsWith(".java"))
                    .map(Path::getParent)
                    .distinct()
                    .toList();
            for (Path dir : dirs) {
                String pkg = sourceRoot
                        .relativize(dir)
                        .toString()
                        .replace(dir.getFileSystem().getSeparator(), ".");
                Path info = dir.resolve("package-info.java");
                if (!Files.isRegularFile(info) || !declares(info, pkg)) {
                    missing.add(pkg);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(missing);
    }

    private static boolean declares(Path info, String pkg) throws IOException {
        return Files.readString(info, StandardCharsets.UTF_8).contains("package " + pkg + ";");
    }
}
