package dev.bindsmith.http;

import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.StoredZone;
import dev.bindsmith.core.port.UnfinishedChange;
import dev.bindsmith.core.port.ZoneStore;
import dev.bindsmith.core.zone.ZoneName;
import dev.bindsmith.core.zone.ZoneSpec;
import java.util.List;
import java.util.Optional;

/**
 * A store that delegates, and while {@link #explode} is on throws from every call: a bug in an
 * adapter, which the server must answer with the generic 500 and log with the request id.
 */
final class ThrowingZoneStore implements ZoneStore {
    private final ZoneStore delegate;
    private volatile boolean explode;

    ThrowingZoneStore(ZoneStore delegate) {
        this.delegate = delegate;
    }

    void explode(boolean on) {
        explode = on;
    }

    private void maybeThrow() {
        if (explode) {
            throw new IllegalStateException("boom: secret-internal-detail /etc/bind/rndc.key");
        }
    }

    @Override
    public Outcome<StoredZone> create(ZoneSpec spec) {
        maybeThrow();
        return delegate.create(spec);
    }

    @Override
    public Optional<StoredZone> find(ZoneName zone) {
        maybeThrow();
        return delegate.find(zone);
    }

    @Override
    public List<StoredZone> list() {
        maybeThrow();
        return delegate.list();
    }

    @Override
    public Outcome<StoredZone> delete(ZoneName zone) {
        maybeThrow();
        return delegate.delete(zone);
    }

    @Override
    public void created(ZoneName zone) {
        maybeThrow();
        delegate.created(zone);
    }

    @Override
    public Outcome<StoredZone> deleting(ZoneName zone) {
        maybeThrow();
        return delegate.deleting(zone);
    }

    @Override
    public List<StoredZone> list(Optional<ZoneName> after, int limit) {
        maybeThrow();
        return delegate.list(after, limit);
    }

    @Override
    public int count() {
        maybeThrow();
        return delegate.count();
    }

    @Override
    public Outcome<StoredZone> setAside(ZoneName zone) {
        maybeThrow();
        return delegate.setAside(zone);
    }

    @Override
    public List<UnfinishedChange> unfinished() {
        maybeThrow();
        return delegate.unfinished();
    }

    @Override
    public Optional<UnfinishedChange> unfinished(ZoneName zone) {
        maybeThrow();
        return delegate.unfinished(zone);
    }

    @Override
    public String fileOf(ZoneName zone) {
        return delegate.fileOf(zone);
    }

    @Override
    public Outcome<String> check() {
        maybeThrow();
        return delegate.check();
    }
}
