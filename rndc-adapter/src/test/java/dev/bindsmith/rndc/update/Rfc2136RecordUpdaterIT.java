package dev.bindsmith.rndc.update;

import static dev.bindsmith.rndc.update.NamedZones.DYNAMIC;
import static dev.bindsmith.rndc.update.NamedZones.STATIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bindsmith.core.outcome.ErrorCode;
import dev.bindsmith.core.outcome.Outcome;
import dev.bindsmith.core.port.ChangeReport;
import dev.bindsmith.core.port.ChangeSet;
import dev.bindsmith.core.port.Prerequisite;
import dev.bindsmith.core.port.RecordChange;
import dev.bindsmith.core.zone.DomainName;
import dev.bindsmith.core.zone.RData;
import dev.bindsmith.core.zone.Record;
import dev.bindsmith.core.zone.RecordType;
import dev.bindsmith.testing.named.NamedAvailability;
import dev.bindsmith.testing.named.NamedKey;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;

/** The updater and the reader against a real named: what named serves afterwards is asked over DNS. */
class Rfc2136RecordUpdaterIT {
    private static NamedZones zones;
    private static Rfc2136RecordUpdater updater;
    private static AxfrRecordReader reader;

    @BeforeAll
    static void startNamed() {
        NamedAvailability.assumeOrRequire();
        zones = NamedZones.start();
        updater = new Rfc2136RecordUpdater(zones.settings());
        reader = new AxfrRecordReader(zones.settings());
    }

    @AfterAll
    static void stopNamed() {
        if (zones != null) {
            zones.close();
        }
    }

    static DomainName n(String relative) {
        return DomainName.of(relative.equals("@") ? DYNAMIC.value() : relative + "." + DYNAMIC.value());
    }

    static Record rec(String owner, RData data) {
        return Record.of(n(owner), 600, data);
    }

    static Stream<Arguments> everyType() throws Exception {
        return Stream.of(
                Arguments.of(
                        rec("a", new RData.A((Inet4Address) InetAddress.getByName("192.0.2.1"))),
                        rec("a", new RData.A((Inet4Address) InetAddress.getByName("192.0.2.2")))),
                Arguments.of(
                        rec("v6", new RData.Aaaa((Inet6Address) InetAddress.getByName("2001:db8::1"))),
                        rec("v6", new RData.Aaaa((Inet6Address) InetAddress.getByName("2001:db8::2")))),
                Arguments.of(rec("alias", new RData.Cname(n("www"))), rec("alias", new RData.Cname(n("ns1")))),
                // named refuses an MX whose target inside the zone has no address (check-mx): point at ones that do
                Arguments.of(rec("mail", new RData.Mx(10, n("ns1"))), rec("mail", new RData.Mx(20, n("www")))),
                Arguments.of(
                        rec("txt", new RData.Txt(List.of("hello world"))),
                        rec("txt", new RData.Txt(List.of("v=spf1 -all; \"quoted\"", "second")))),
                Arguments.of(
                        rec("sub", new RData.Ns(DomainName.of("ns1.example.net"))),
                        rec("sub", new RData.Ns(DomainName.of("ns2.example.net")))),
                Arguments.of(
                        rec("ptr", new RData.Ptr(DomainName.of("host1.example.net"))),
                        rec("ptr", new RData.Ptr(DomainName.of("host2.example.net")))),
                Arguments.of(
                        rec("_sip._tcp", new RData.Srv(0, 5, 5060, n("ns1"))),
                        rec("_sip._tcp", new RData.Srv(10, 5, 5061, n("www")))),
                Arguments.of(
                        rec("caa", new RData.Caa(0, "issue", "letsencrypt.org")),
                        rec("caa", new RData.Caa(128, "iodef", "mailto:ops@example.net"))),
                Arguments.of(
                        rec("dname", new RData.Dname(DomainName.of("other.example"))),
                        rec("dname", new RData.Dname(DomainName.of("another.example")))),
                Arguments.of(
                        rec("_443._tcp", new RData.Tlsa(3, 1, 1, "ab".repeat(32))),
                        rec("_443._tcp", new RData.Tlsa(3, 1, 1, "cd".repeat(32)))),
                Arguments.of(
                        rec("ssh", new RData.Sshfp(4, 2, "01".repeat(32))),
                        rec("ssh", new RData.Sshfp(4, 2, "02".repeat(32)))),
                Arguments.of(
                        rec("svc", new RData.Svcb(false, 1, n("svc1"), List.of(new RData.SvcParam("alpn", "h2")))),
                        rec("svc", new RData.Svcb(false, 2, n("svc2"), List.of(new RData.SvcParam("port", "8443"))))),
                Arguments.of(
                        rec(
                                "https",
                                new RData.Svcb(true, 1, DomainName.ROOT, List.of(new RData.SvcParam("alpn", "h2")))),
                        rec(
                                "https",
                                new RData.Svcb(true, 1, DomainName.ROOT, List.of(new RData.SvcParam("alpn", "h3"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void addsUpdatesAndRemovesARecordThatNamedThenServesWithAGrowingSerial(Record first, Record second) {
        long serial0 = zones.serial(DYNAMIC);

        assertThat(updater.apply(DYNAMIC, ChangeSet.of(new RecordChange.Add(first))))
                .isInstanceOf(Outcome.Ok.class);
        assertThat(served(first)).containsExactly(text(first));
        long serial1 = zones.serial(DYNAMIC);
        assertThat(serial1).isGreaterThan(serial0);

        Outcome<ChangeReport> updated = updater.apply(
                DYNAMIC,
                new ChangeSet(
                        List.of(new Prerequisite.RecordExists(first)),
                        List.of(new RecordChange.Remove(first), new RecordChange.Add(second))));
        assertThat(updated).isInstanceOf(Outcome.Ok.class);
        assertThat(served(second)).containsExactly(text(second));
        long serial2 = zones.serial(DYNAMIC);
        assertThat(serial2).isGreaterThan(serial1);

        Outcome<List<Record>> atOwner = reader.read(DYNAMIC, second.owner());
        assertThat(atOwner).isInstanceOf(Outcome.Ok.class);
        assertThat(((Outcome.Ok<List<Record>>) atOwner).value()).contains(second);

        Outcome<ChangeReport> removed = updater.apply(
                DYNAMIC,
                new ChangeSet(
                        List.of(new Prerequisite.RecordExists(second)), List.of(new RecordChange.Remove(second))));
        assertThat(removed).isInstanceOf(Outcome.Ok.class);
        assertThat(served(second)).isEmpty();
        assertThat(zones.serial(DYNAMIC)).isGreaterThan(serial2);
    }

    @Test
    void aChangeSetOfManyRecordsIsAppliedAsOneUpdate() {
        long before = zones.serial(DYNAMIC);
        List<RecordChange> adds = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            adds.add(new RecordChange.Add(Record.of(n("bulk"), 300, new RData.A(v4("198.51.100." + i)))));
        }
        assertThat(updater.apply(DYNAMIC, new ChangeSet(List.of(new Prerequisite.NameAbsent(n("bulk"))), adds)))
                .isInstanceOf(Outcome.Ok.class);
        assertThat(zones.query("bulk.dyn.test.", org.xbill.DNS.Type.A)).hasSize(100);
        // one message, one new version of the zone
        assertThat(zones.serial(DYNAMIC)).isEqualTo(before + 1);

        assertThat(updater.apply(
                        DYNAMIC,
                        new ChangeSet(
                                List.of(new Prerequisite.RRsetExists(n("bulk"), RecordType.A)),
                                List.of(new RecordChange.RemoveRRset(n("bulk"), RecordType.A)))))
                .isInstanceOf(Outcome.Ok.class);
        assertThat(zones.query("bulk.dyn.test.", org.xbill.DNS.Type.A)).isEmpty();
    }

    @Test
    void aFailedPrerequisiteLeavesTheZoneUnchanged() {
        long before = zones.serial(DYNAMIC);
        Record add = Record.of(n("never"), 300, new RData.A(v4("203.0.113.9")));

        Outcome<ChangeReport> missingRRset = updater.apply(
                DYNAMIC,
                new ChangeSet(
                        List.of(new Prerequisite.RRsetExists(n("nothing-here"), RecordType.TXT)),
                        List.of(new RecordChange.Add(add))));
        assertThat(missingRRset)
                .isInstanceOfSatisfying(
                        Outcome.NotFound.class, f -> assertThat(f.code()).isEqualTo(ErrorCode.RECORD_NOT_FOUND));

        Outcome<ChangeReport> missingRecord = updater.apply(
                DYNAMIC,
                new ChangeSet(
                        List.of(new Prerequisite.RecordExists(Record.of(n("www"), 300, new RData.A(v4("192.0.2.99"))))),
                        List.of(new RecordChange.Add(add))));
        assertThat(missingRecord)
                .isInstanceOfSatisfying(
                        Outcome.NotFound.class, f -> assertThat(f.code()).isEqualTo(ErrorCode.RECORD_NOT_FOUND));

        Outcome<ChangeReport> present = updater.apply(
                DYNAMIC,
                new ChangeSet(
                        List.of(new Prerequisite.RRsetAbsent(n("www"), RecordType.A)),
                        List.of(new RecordChange.Add(add))));
        assertThat(present)
                .isInstanceOfSatisfying(
                        Outcome.Unprocessable.class, f -> assertThat(f.code()).isEqualTo(ErrorCode.RECORD_CONFLICT));

        assertThat(zones.query("never.dyn.test.", org.xbill.DNS.Type.A)).isEmpty();
        assertThat(zones.serial(DYNAMIC)).isEqualTo(before);
    }

    @Test
    void aRecordExistsPrerequisitePinsTheWholeRRsetSoOneRecordOfSeveralCanBeReplaced() {
        Record one = Record.of(n("multi"), 300, new RData.A(v4("192.0.2.31")));
        Record two = Record.of(n("multi"), 300, new RData.A(v4("192.0.2.32")));
        Record three = Record.of(n("multi"), 300, new RData.A(v4("192.0.2.33")));
        assertThat(updater.apply(
                        DYNAMIC,
                        new ChangeSet(List.of(), List.of(new RecordChange.Add(one), new RecordChange.Add(two)))))
                .isInstanceOf(Outcome.Ok.class);

        assertThat(updater.apply(
                        DYNAMIC,
                        new ChangeSet(
                                List.of(new Prerequisite.RecordExists(one)),
                                List.of(new RecordChange.Remove(one), new RecordChange.Add(three)))))
                .isInstanceOf(Outcome.Ok.class);

        assertThat(zones.query("multi.dyn.test.", org.xbill.DNS.Type.A)).containsExactly("192.0.2.32", "192.0.2.33");
    }

    @Test
    void aZoneWithoutAllowUpdateIsNotDynamic() {
        Outcome<ChangeReport> outcome = updater.apply(
                STATIC,
                ChangeSet.of(new RecordChange.Add(
                        Record.of(DomainName.of("x.static.test"), 300, new RData.A(v4("192.0.2.5"))))));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Invalid.class, f -> {
            assertThat(f.code()).isEqualTo(ErrorCode.ZONE_NOT_DYNAMIC);
            assertThat(f.error()).isEqualTo("Zone does not support dynamic updates");
        });
    }

    @Test
    void aWrongSecretIsABackendFailureThatSaysTheSecretDiffers() {
        NamedKey real = zones.named.updateKey();
        NamedKey wrong = new NamedKey(
                real.name(), real.algorithm(), java.util.Base64.getEncoder().encodeToString(new byte[32]));
        Outcome<ChangeReport> outcome = new Rfc2136RecordUpdater(zones.settings(wrong))
                .apply(
                        DYNAMIC,
                        ChangeSet.of(new RecordChange.Add(Record.of(n("bad"), 300, new RData.A(v4("192.0.2.7"))))));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.BackendFailed.class, f -> {
            assertThat(f.code()).isEqualTo(ErrorCode.BACKEND_REJECTED);
            assertThat(f.details()).contains("BADSIG").contains(real.name()).doesNotContain(real.secret());
        });
        assertThat(zones.query("bad.dyn.test.", org.xbill.DNS.Type.A)).isEmpty();
    }

    @Test
    void anUnknownKeyNameIsABackendFailureThatNamesTheKey() {
        NamedKey real = zones.named.updateKey();
        NamedKey unknown = new NamedKey("nobody-key", real.algorithm(), real.secret());
        Outcome<ChangeReport> outcome = new Rfc2136RecordUpdater(zones.settings(unknown))
                .apply(
                        DYNAMIC,
                        ChangeSet.of(new RecordChange.Add(Record.of(n("bad"), 300, new RData.A(v4("192.0.2.7"))))));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.BackendFailed.class,
                        f -> assertThat(f.details()).contains("BADKEY").contains("nobody-key"));
    }

    /**
     * A zone larger than one DNS message comes in a stream of messages; the reader insists that every one
     * is signed and verifies (the last as the last), so this proves named signs each message of the stream.
     */
    @Test
    void aTransferOfSeveralMessagesIsReadWhenNamedSignsEachOfThem() {
        String filler = "x".repeat(200);
        List<RecordChange> adds = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            adds.add(new RecordChange.Add(Record.of(n("big" + i), 300, new RData.Txt(List.of(filler + i)))));
        }
        for (int from = 0; from < adds.size(); from += 150) {
            assertThat(updater.apply(DYNAMIC, new ChangeSet(List.of(), adds.subList(from, from + 150))))
                    .isInstanceOf(Outcome.Ok.class);
        }
        try {
            Outcome<List<Record>> read = reader.read(DYNAMIC);
            assertThat(read).isInstanceOfSatisfying(Outcome.Ok.class, ok -> {
                @SuppressWarnings("unchecked")
                List<Record> records = (List<Record>) ok.value();
                // 600 × 200+ bytes of TXT: more than the 65535 bytes one message holds
                assertThat(records.stream().filter(r -> r.owner().absolute().startsWith("big")))
                        .hasSize(600);
            });
        } finally {
            List<RecordChange> removes = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                removes.add(new RecordChange.RemoveRRset(n("big" + i), RecordType.TXT));
            }
            for (int from = 0; from < removes.size(); from += 300) {
                updater.apply(DYNAMIC, new ChangeSet(List.of(), removes.subList(from, from + 300)));
            }
        }
    }

    @Test
    void theReaderTransfersTheZoneSoaFirstAndNamesAnUnknownZoneNotFound() {
        Outcome<List<Record>> read = reader.read(DYNAMIC);
        assertThat(read).isInstanceOfSatisfying(Outcome.Ok.class, ok -> {
            @SuppressWarnings("unchecked")
            List<Record> records = (List<Record>) ok.value();
            assertThat(records.getFirst().type()).isEqualTo(RecordType.SOA);
            assertThat(records.stream().filter(r -> r.type() == RecordType.SOA)).hasSize(1);
            assertThat(records).contains(Record.of(n("www"), 300, new RData.A(v4("192.0.2.10"))));
        });

        assertThat(reader.read(dev.bindsmith.core.zone.ZoneName.of("unknown.test")))
                .isInstanceOfSatisfying(
                        Outcome.NotFound.class, f -> assertThat(f.code()).isEqualTo(ErrorCode.ZONE_NOT_FOUND));
    }

    @Test
    void aRecordOfATypeBindsmithDoesNotModelIsReadAndRemovedByItsOwnTypeCodeBecauseRfc3597KeepsItLossless() {
        // the adapter's own mapping refused to write RData.Unknown: a record read back could not be removed
        Record privateType = Record.of(n("opaque"), 300, new RData.Unknown(65280, "TYPE65280", "abcdef"));
        assertThat(updater.apply(DYNAMIC, ChangeSet.of(new RecordChange.Add(privateType))))
                .isInstanceOf(Outcome.Ok.class);
        assertThat(zones.query("opaque.dyn.test.", 65280)).containsExactly("\\# 3 ABCDEF");
        Record readBack = ((Outcome.Ok<List<Record>>) reader.read(DYNAMIC))
                .value().stream()
                        .filter(r -> r.owner().equals(n("opaque")))
                        .findFirst()
                        .orElseThrow();
        assertThat(readBack).isEqualTo(privateType);

        assertThat(updater.apply(DYNAMIC, ChangeSet.of(new RecordChange.Remove(readBack))))
                .isInstanceOf(Outcome.Ok.class);

        assertThat(zones.query("opaque.dyn.test.", 65280)).isEmpty();
    }

    @Test
    void aChangeSetLargerThanOneMessageIsRefusedAndNothingIsSent() {
        long before = zones.serial(DYNAMIC);
        List<RecordChange> adds = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            adds.add(new RecordChange.Add(Record.of(n("big"), 300, new RData.Txt(List.of(i + "x".repeat(200))))));
        }
        Outcome<ChangeReport> outcome = updater.apply(DYNAMIC, new ChangeSet(List.of(), adds));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Invalid.class,
                        f -> assertThat(f.details()).contains("65535").contains("not split"));
        assertThat(zones.serial(DYNAMIC)).isEqualTo(before);
    }

    private static List<String> served(Record record) {
        if (record.type() == RecordType.NS) {
            // a delegation is answered with a referral, not an answer: read it from the zone itself
            Outcome<List<Record>> all = reader.read(DYNAMIC);
            return ((Outcome.Ok<List<Record>>) all)
                    .value().stream()
                            .filter(r -> r.owner().equals(record.owner()) && r.type() == RecordType.NS)
                            .map(Rfc2136RecordUpdaterIT::text)
                            .toList();
        }
        return zones.query(record.owner().absolute(), record.type().code());
    }

    /** The record's data as dnsjava prints it after reading it as named would. */
    private static String text(Record record) {
        try {
            return org.xbill.DNS.Record.fromString(
                            Name.fromString(record.owner().absolute()),
                            record.type().code(),
                            DClass.IN,
                            300,
                            record.data().presentation(),
                            Name.root)
                    .rdataToString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Inet4Address v4(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
