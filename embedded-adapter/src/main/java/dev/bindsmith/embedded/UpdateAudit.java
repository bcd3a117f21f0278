package dev.bindsmith.embedded;

import java.util.Optional;

/**
 * Where the changes RFC 2136 clients (nsupdate, external-dns, cert-manager) make on the embedded server
 * are recorded, beside the API's own. It is asked before an UPDATE is applied — when changes cannot be
 * recorded now, the update is refused with SERVFAIL and nothing changes, as the API answers 503 — and
 * told what happened, under the zone's lock, before the answer goes out.
 */
public interface UpdateAudit {

    /** Empty when changes can be recorded now; otherwise why not. */
    Optional<String> unavailable();

    /** An UPDATE to a zone this server has, answered with {@code update.rcode()}. */
    void record(UpdateAnswered update);

    /** Records nothing (a server without an audit log). */
    UpdateAudit NONE = new UpdateAudit() {
        @Override
        public Optional<String> unavailable() {
            return Optional.empty();
        }

        @Override
        public void record(UpdateAnswered update) {}
    };
}
