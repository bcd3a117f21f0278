package dev.bindsmith.wiring;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.http.audit.AuditEntry;
import dev.bindsmith.http.audit.AuditLog;
import dev.bindsmith.http.audit.AuditQuery;
import dev.bindsmith.http.audit.FileAuditLog;
import java.io.IOException;
import java.util.Optional;

/**
 * The backend's audit file, opened when first needed: a command that only reads (the CLI's
 * {@code zone list} on a machine where the zone directory is not writable) never needs it, while a
 * change that cannot be recorded is refused (503) before it is made. {@code serve} opens it at start
 * ({@link #open()}), so that a server never runs without it.
 */
final class LazyAuditLog implements AuditLog {
    private final BackendSettings.Audit settings;
    private FileAuditLog log;
    private boolean closed;

    LazyAuditLog(BackendSettings.Audit settings) {
        this.settings = settings;
    }

    /** Opens the file now; a file that cannot be written is a configuration error naming its variable. */
    synchronized FileAuditLog open() {
        if (log == null) {
            try {
                log = FileAuditLog.open(settings.file(), settings.maxBytes(), settings.keep());
            } catch (IOException | RuntimeException e) {
                throw new BackendConfigurationException(
                        BackendSettings.AUDIT_LOG,
                        "cannot write the audit log " + settings.file() + " (" + e.getMessage() + ")");
            }
        }
        return log;
    }

    private synchronized Optional<FileAuditLog> opened() {
        if (closed) {
            return Optional.empty();
        }
        try {
            return Optional.of(open());
        } catch (BackendConfigurationException e) {
            return Optional.empty();
        }
    }

    @Override
    public Outcome<AuditEntry> append(AuditEntry entry) {
        return opened().map(l -> l.append(entry)).orElseGet(LazyAuditLog::unusable);
    }

    @Override
    public Outcome<String> ready() {
        return opened().map(FileAuditLog::ready).orElseGet(LazyAuditLog::unusable);
    }

    @Override
    public Outcome<AuditQuery.Page> read(AuditQuery query) {
        return opened().map(l -> l.read(query)).orElseGet(LazyAuditLog::unusable);
    }

    private static <T> Outcome<T> unusable() {
        return new Outcome.Unavailable<>(
                ErrorCode.UNAVAILABLE, "The audit log cannot be opened (see BINDSMITH_AUDIT_LOG)");
    }

    @Override
    public Optional<String> describe() {
        return Optional.of("audit log " + settings.file() + " (rotated at " + settings.maxBytes() + " bytes, "
                + settings.keep() + " older files kept)");
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (log != null) {
            log.close();
        }
    }
}
