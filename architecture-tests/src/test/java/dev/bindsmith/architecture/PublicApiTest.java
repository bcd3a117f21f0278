package dev.bindsmith.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The public Java API, pinned: every public type of the library's modules (core, dns-shared, rndc,
 * embedded, http, wiring) with its public and protected members, one line each, must be exactly what
 * {@code docs/public-api.txt} lists. A change to the API, added or removed, fails this test until the
 * listing is regenerated ({@code -Dbindsmith.updateApi=true}) and the diff is reviewed with the code;
 * an incompatible one also needs its line in CHANGELOG.md.
 *
 * <p>Why a listing rather than japicmp: no released bindsmith artifact exists to compare with, so
 * japicmp would have no baseline; and a module-info exporting only the public packages would not see
 * a public class made by accident inside an exported package, nor a changed signature. The listing
 * sees both, and japicmp can take over once a release is published.
 */
class PublicApiTest {
    private static final Path LISTING = Path.of("..", "docs", "public-api.txt");

    @Test
    void thePublicApiIsExactlyTheListedOne() throws IOException {
        List<String> actual = listing();
        if (Boolean.getBoolean("bindsmith.updateApi")) {
            Files.write(LISTING, actual, StandardCharsets.UTF_8);
        }
        List<String> pinned = Files.readAllLines(LISTING, StandardCharsets.UTF_8);
        TreeSet<String> added = new TreeSet<>(actual);
        pinned.forEach(added::remove);
        TreeSet<String> removed = new TreeSet<>(pinned);
        actual.forEach(removed::remove);
        assertThat(added)
                .as("public API not in docs/public-api.txt (regenerate with -Dbindsmith.updateApi=true)")
                .isEmpty();
        assertThat(removed)
                .as("public API gone from the code but still in docs/public-api.txt (an incompatible change)")
                .isEmpty();
    }

    @Test
    void theListingHoldsPublicMembersOfPublicTypesOnly() {
        List<String> listing = listing();
        assertThat(listing)
                .contains(
                        "dev.bindsmith.core.zone.ZoneName record",
                        "dev.bindsmith.core.zone.ZoneName public static java.util.Optional<dev.bindsmith.core.zone.ZoneName>"
                                + " parse(java.lang.String)",
                        "dev.bindsmith.http.BindsmithServer.Builder public dev.bindsmith.http.BindsmithServer.Builder"
                                + " metrics(dev.bindsmith.http.Metrics)")
                .noneMatch(l -> l.startsWith("dev.bindsmith.http.ApiRouting "))
                .noneMatch(l -> l.startsWith("dev.bindsmith.testing."))
                .noneMatch(l -> l.startsWith("dev.bindsmith.cli."))
                .noneMatch(l -> l.contains(" private "));
    }

    static List<String> listing() {
        TreeSet<String> lines = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.bindsmith")) {
            String pkg = type.getPackageName();
            if (pkg.startsWith("dev.bindsmith.testing")
                    || pkg.startsWith("dev.bindsmith.cli")
                    || pkg.startsWith("dev.bindsmith.benchmarks")) {
                continue;
            }
            Class<?> c = type.reflect();
            if (!visible(c)) {
                continue;
            }
            String name = c.getName().replace('$', '.');
            lines.add(name + " " + kind(c));
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (exposed(c, k)) {
                    lines.add(name + " " + k.toGenericString().replace(c.getName(), "new " + c.getSimpleName()));
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (exposed(c, m) && !m.isSynthetic() && !m.isBridge()) {
                    lines.add(name + " " + m.toGenericString().replace(c.getName() + ".", ""));
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (exposed(c, f) && !f.isSynthetic()) {
                    lines.add(name + " " + f.toGenericString().replace(c.getName() + ".", ""));
                }
            }
        }
        return lines.stream().map(l -> l.replace('$', '.')).distinct().sorted().toList();
    }

    /** Public, and every enclosing class public too (a public nested class of a package-private one is not API). */
    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean exposed(Class<?> owner, Member m) {
        int mod = m.getModifiers();
        return Modifier.isPublic(mod)
                || (Modifier.isProtected(mod) && !Modifier.isFinal(owner.getModifiers()) && !owner.isEnum());
    }

    private static String kind(Class<?> c) {
        String kind = c.isRecord()
                ? "record"
                : c.isEnum() ? "enum" : c.isAnnotation() ? "@interface" : c.isInterface() ? "interface" : "class";
        String mods = Modifier.toString(c.getModifiers() & (Modifier.ABSTRACT | Modifier.FINAL | Modifier.STATIC));
        if (c.isSealed()) {
            mods = (mods + " sealed").strip();
        }
        if (c.isInterface()) {
            mods = mods.replace("abstract", "").replace("static", "").strip();
        }
        if (c.isRecord() || c.isEnum()) {
            mods = mods.replace("final", "").replace("static", "").strip();
        }
        return (mods.isEmpty() ? "" : mods + " ") + kind;
    }
}
