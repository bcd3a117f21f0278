package dev.bindsmith.http.access;

import java.util.Optional;

/**
 * Every operation of the API, with what it needs: the access level, where its zone comes from, and its
 * name in the audit log (operations that change nothing are not audited).
 */
public enum Operation {
    LIST_ZONES(Access.READ, Target.LISTED, null),
    CREATE_ZONE(Access.WRITE, Target.NEW_ZONE, "zone.create"),
    GET_ZONE(Access.READ, Target.ZONE, null),
    ZONE_STATUS(Access.READ, Target.ZONE, null),
    MODIFY_ZONE(Access.WRITE, Target.WHOLE_ZONE, "zone.modify"),
    DELETE_ZONE(Access.WRITE, Target.WHOLE_ZONE, "zone.delete"),
    RELOAD_ZONE(Access.WRITE, Target.ZONE, "zone.reload"),
    FREEZE_ZONE(Access.WRITE, Target.ZONE, "zone.freeze"),
    THAW_ZONE(Access.WRITE, Target.ZONE, "zone.thaw"),
    NOTIFY_ZONE(Access.WRITE, Target.ZONE, "zone.notify"),
    RETRANSFER_ZONE(Access.WRITE, Target.ZONE, "zone.retransfer"),
    LIST_RECORDS(Access.READ, Target.ZONE, null),
    ADD_RECORD(Access.WRITE, Target.RECORDS, "record.add"),
    UPDATE_RECORD(Access.WRITE, Target.RECORDS, "record.update"),
    REMOVE_RECORD(Access.WRITE, Target.RECORDS, "record.remove"),
    APPLY_RECORDS(Access.WRITE, Target.RECORDS, "records.apply"),
    SERVER_STATUS(Access.READ, Target.EVERY_ZONE, null),
    RELOAD_SERVER(Access.ADMIN, Target.SERVER, "server.reload"),
    READ_RECONCILE(Access.READ, Target.EVERY_ZONE, null),
    RECONCILE_SERVER(Access.ADMIN, Target.SERVER, "server.reconcile"),
    READ_AUDIT(Access.READ, Target.LISTED, null),
    LIST_CATALOG(Access.READ, Target.EVERY_ZONE, null),
    RECONCILE_CATALOG(Access.ADMIN, Target.SERVER, "catalog.reconcile"),
    ZONE_PROPAGATION(Access.READ, Target.ZONE, null),
    DNSSEC_STATUS(Access.READ, Target.ZONE, null),
    DNSSEC_ROLLOVER(Access.WRITE, Target.WHOLE_ZONE, "dnssec.rollover"),
    DNSSEC_CHECKDS(Access.WRITE, Target.WHOLE_ZONE, "dnssec.checkds"),
    CREATE_TOKEN(Access.ADMIN, Target.SERVER, "token.create"),
    REVOKE_TOKEN(Access.ADMIN, Target.SERVER, "token.revoke");

    /** Where the operation's zone comes from, which decides how its scope is judged. */
    public enum Target {
        /** A zone named in the path: out of scope it does not exist (404). */
        ZONE,
        /** A zone in the path, changed as a whole: a token limited to record types may not. */
        WHOLE_ZONE,
        /** A zone in the path, records of the types in the body: each type must be granted. */
        RECORDS,
        /** A zone named in the body, made by the operation: the token needs write on that name (403). */
        NEW_ZONE,
        /** Many zones: what is out of scope is left out of the answer. */
        LISTED,
        /** The whole server's state: only a token that covers every zone. */
        EVERY_ZONE,
        /** The server itself: admin only. */
        SERVER
    }

    private final Access access;
    private final Target target;
    private final String auditName;

    Operation(Access access, Target target, String auditName) {
        this.access = access;
        this.target = target;
        this.auditName = auditName;
    }

    public Access access() {
        return access;
    }

    public Target target() {
        return target;
    }

    /** Its name in the audit log ({@code zone.create} …); empty for an operation that changes nothing. */
    public Optional<String> auditName() {
        return Optional.ofNullable(auditName);
    }
}
