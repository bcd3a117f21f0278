import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step of the distribution: rewrites the class files of a jar compiled for Java 5 or 6 as
 * Java 17 class files, with the stack map frames the newer format requires, in place.
 *
 * <p>Why: JDK 25's ahead-of-time cache leaves out every class older than Java 7's format ("Unlinked
 * class not supported by AOTClassLinking"), and picocli is compiled for Java 5. Its classes were then
 * read from the jar and checked by the old type-inferring verifier on every command, the largest single
 * cost of a short command after the JVM itself. Rewritten, they are in the cache like every other
 * class. The bytecode is unchanged: only the version, the {@code ACC_SUPER} flag every class has since
 * Java 8, and the frames (computed by ASM) differ. A jar whose classes are already new enough is left
 * as it is, so running the step twice changes nothing.
 *
 * <p>Run by the {@code aot-cache} profile of {@code cli-adapter/pom.xml} as
 * {@code java -cp asm.jar src/build/UpgradeClassFiles.java target/libs/picocli-X.jar}.
 */
public final class UpgradeClassFiles {
    private static final int OLDEST_KEPT = Opcodes.V1_7;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: UpgradeClassFiles JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int upgraded = 0;
        try (URLClassLoader classes = new URLClassLoader(
                        new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                JarFile in = new JarFile(jar.toFile());
                OutputStream file = Files.newOutputStream(rewritten);
                JarOutputStream out = new JarOutputStream(file)) {
            for (JarEntry entry : Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream content = in.getInputStream(entry)) {
                    bytes = content.readAllBytes();
                }
                // module-info and the versioned entries are read only by newer JVMs already
                if (entry.getName().endsWith(".class")
                        && !entry.getName().startsWith("META-INF/")
                        && !entry.getName().endsWith("module-info.class")
                        && version(bytes) < OLDEST_KEPT) {
                    bytes = upgrade(bytes, classes);
                    upgraded++;
                }
                JarEntry copy = new JarEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        if (upgraded == 0) {
            Files.delete(rewritten);
            System.out.println("UpgradeClassFiles: " + jar.getFileName() + " is up to date");
            return;
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("UpgradeClassFiles: " + upgraded + " classes of " + jar.getFileName() + " now Java 17 class files");
    }

    private static int version(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    private static byte[] upgrade(byte[] classFile, ClassLoader classes) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            // the frames' common supertypes are looked up among the jar's own classes too
            @Override
            protected ClassLoader getClassLoader() {
                return classes;
            }
        };
        new ClassReader(classFile)
                .accept(
                        new ClassVisitor(Opcodes.ASM9, writer) {
                            @Override
                            public void visit(
                                    int version,
                                    int access,
                                    String name,
                                    String signature,
                                    String superName,
                                    String[] interfaces) {
                                int flags = (access & Opcodes.ACC_INTERFACE) == 0 ? access | Opcodes.ACC_SUPER : access;
                                super.visit(Opcodes.V17, flags, name, signature, superName, interfaces);
                            }
                        },
                        ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
