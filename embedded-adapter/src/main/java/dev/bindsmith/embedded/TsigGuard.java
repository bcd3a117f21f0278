package dev.bindsmith.embedded;

import dev.bindsmith.dns.tsig.TsigKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/**
 * TSIG (RFC 8945) on the server side: a signed request is verified with the key it names before
 * anything else is done, with the clock and the request's fudge deciding BADTIME; the reply to a
 * verified request is signed with the same key, every message of a transfer included (§5.3.1). A
 * request that fails gets the answer §5.2 prescribes: RCODE NOTAUTH with the TSIG error BADKEY or
 * BADSIG and no MAC, or BADTIME signed and carrying the server's time.
 */
final class TsigGuard {
    /** How a request was signed. */
    sealed interface Signature {
        /** The key's name, when the request was signed and verified with it. */
        default Optional<String> keyName() {
            return Optional.empty();
        }
    }

    record Unsigned() implements Signature {}

    record Verified(TsigKey key, TSIG tsig, TSIGRecord request) implements Signature {
        @Override
        public Optional<String> keyName() {
            return Optional.of(key.name());
        }
    }

    /** Verification failed with {@code error} (BADKEY, BADSIG, BADTIME or FORMERR); {@code tsig} is the key's when known. */
    record Failed(int error, TSIGRecord request, Optional<TSIG> tsig) implements Signature {}

    private final TsigKeyring keys;
    private final Clock clock;

    TsigGuard(TsigKeyring keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    Signature check(Message query, byte[] wire) {
        TSIGRecord record = query.getTSIG();
        if (record == null) {
            return new Unsigned();
        }
        Optional<TsigKey> key =
                keys.find(record.getName()).filter(k -> k.algorithm().dnsName().equals(record.getAlgorithm()));
        if (key.isEmpty()) {
            return new Failed(Rcode.BADKEY, record, Optional.empty());
        }
        TSIG tsig = key.get().signer(clock);
        int verified = tsig.verify(query, wire, null);
        if (verified == Rcode.NOERROR && query.isVerified()) {
            return new Verified(key.get(), tsig, record);
        }
        return new Failed(verified == Rcode.NOERROR ? Rcode.BADSIG : verified, record, Optional.of(tsig));
    }

    /** The wire form of a one-message reply, signed when the request was verified. */
    byte[] reply(Message response, Signature signature, int limit) {
        if (signature instanceof Verified v) {
            response.setTSIG(v.tsig(), Rcode.NOERROR, v.request());
        }
        return response.toWire(limit);
    }

    /** A transfer's messages, each signed when the request was verified (the first with the request's MAC, each next with the one before). */
    List<byte[]> stream(List<Message> messages, Signature signature) {
        List<byte[]> wire = new ArrayList<>(messages.size());
        TSIG.StreamGenerator generator =
                signature instanceof Verified v ? new TSIG.StreamGenerator(v.tsig(), v.request()) : null;
        for (Message m : messages) {
            if (generator != null) {
                generator.generate(m);
                // as signed: toWire(int) would move an OPT record behind the TSIG, which must come last
                wire.add(m.toWire());
            } else {
                wire.add(m.toWire(Message.MAXLENGTH));
            }
        }
        return wire;
    }

    /**
     * The answer to a request whose signature failed: NOTAUTH, and a TSIG record with the error —
     * without a MAC for BADKEY and BADSIG (the server cannot or must not sign), signed for BADTIME.
     */
    byte[] refusal(Message response, Failed failed, int limit) {
        response.getHeader().setRcode(Rcode.NOTAUTH);
        if (failed.error() == Rcode.BADTIME && failed.tsig().isPresent()) {
            response.setTSIG(failed.tsig().get(), Rcode.BADTIME, failed.request());
            return response.toWire(limit);
        }
        TSIGRecord req = failed.request();
        int error = failed.error() == Rcode.BADKEY ? Rcode.BADKEY : Rcode.BADSIG;
        response.addRecord(
                new TSIGRecord(
                        req.getName(),
                        DClass.ANY,
                        0,
                        req.getAlgorithm(),
                        clock.instant(),
                        req.getFudge(),
                        new byte[0],
                        req.getOriginalID(),
                        error,
                        null),
                Section.ADDITIONAL);
        return response.toWire(limit);
    }
}
