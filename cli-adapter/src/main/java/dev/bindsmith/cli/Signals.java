package dev.bindsmith.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SIGHUP for {@code serve}: re-read the tokens file. The JDK's only way to handle a signal is
 * {@code sun.misc.Signal} (module jdk.unsupported, in every JDK); it is reached by reflection so that the
 * build, where compiler warnings are errors, does not depend on an internal API, and a JVM without it
 * simply goes without (the file is still re-read when it changes).
 */
final class Signals {
    private static final Logger LOG = Logger.getLogger("dev.bindsmith.cli");

    private Signals() {}

    /** Runs {@code action} on every SIGHUP; false when this JVM cannot handle signals. */
    static boolean onHangup(Runnable action) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object hup = signal.getConstructor(String.class).newInstance("HUP");
            InvocationHandler call = (Object proxy, Method method, Object[] args) -> {
                if (method.getName().equals("handle")) {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "SIGHUP: re-reading the tokens file failed", e);
                    }
                    return null;
                }
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "SIGHUP handler";
                };
            };
            Object proxy = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handler}, call);
            signal.getMethod("handle", signal, handler).invoke(null, hup, proxy);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.fine(() -> "no SIGHUP handler: " + e);
            return false;
        }
    }
}
