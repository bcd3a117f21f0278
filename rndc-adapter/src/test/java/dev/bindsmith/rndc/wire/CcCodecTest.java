package dev.bindsmith.rndc.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;

class CcCodecTest {

    private static SequencedMap<String, CcValue> map(Object... kv) {
        SequencedMap<String, CcValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (CcValue) kv[i + 1]);
        }
        return m;
    }

    @Test
    void tablesListsAndBinariesRoundTripInOrder() throws Exception {
        SequencedMap<String, CcValue> m = map(
                "z", CcValue.Binary.of("last-first"),
                "a", new CcValue.Table(map("y", CcValue.Binary.of("1"), "b", CcValue.Binary.of(""))),
                "l", new CcValue.ListOf(List.of(CcValue.Binary.of("x"), new CcValue.Table(map()))));
        byte[] bytes = CcCodec.encodeEntries(m);
        CcValue.Table back = CcCodec.decodeEntries(bytes, 0, bytes.length);
        assertThat(back.entries().sequencedKeySet()).containsExactly("z", "a", "l");
        assertThat(back).isEqualTo(new CcValue.Table(m));
        assertThat(back.table("a").orElseThrow().entries().sequencedKeySet()).containsExactly("y", "b");
    }

    @Test
    void binaryEntryHasTypeOneAndBigEndianLength() {
        byte[] bytes = CcCodec.encodeEntry("type", CcValue.Binary.of("status"));
        assertThat(bytes).containsExactly(4, 't', 'y', 'p', 'e', 1, 0, 0, 0, 6, 's', 't', 'a', 't', 'u', 's');
    }

    @Test
    void laterDuplicateKeyReplacesTheEarlierOneAsInNamed() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(CcCodec.encodeEntry("k", CcValue.Binary.of("first")));
        b.writeBytes(CcCodec.encodeEntry("k", CcValue.Binary.of("second")));
        byte[] bytes = b.toByteArray();
        assertThat(CcCodec.decodeEntries(bytes, 0, bytes.length).string("k")).contains("second");
    }

    private static CcValue nested(int tables) {
        CcValue v = CcValue.Binary.of("leaf");
        for (int i = 0; i < tables; i++) {
            v = new CcValue.Table(map("t", v));
        }
        return v;
    }

    @Test
    void nestingUpToTenLevelsIsAcceptedAndElevenIsRefused() throws Exception {
        // The top level is depth 1, so nine nested tables reach depth 10.
        byte[] ok = CcCodec.encodeEntry("t", nested(9));
        assertThat(CcCodec.decodeEntries(ok, 0, ok.length)).isNotNull();
        byte[] deep = CcCodec.encodeEntry("t", nested(10));
        assertThatThrownBy(() -> CcCodec.decodeEntries(deep, 0, deep.length))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("nesting");
    }

    @Test
    void deeplyNestedListsAreRefusedToo() {
        CcValue v = CcValue.Binary.of("x");
        for (int i = 0; i < 50; i++) {
            v = new CcValue.ListOf(List.of(v));
        }
        byte[] bytes = CcCodec.encodeEntry("l", v);
        assertThatThrownBy(() -> CcCodec.decodeEntries(bytes, 0, bytes.length)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void typeZeroAndUnknownTypesAreRefused() {
        for (int type : new int[] {0, 4, 0xff}) {
            byte[] bytes = {1, 'k', (byte) type, 0, 0, 0, 1, 'x'};
            assertThatThrownBy(() -> CcCodec.decodeEntries(bytes, 0, bytes.length))
                    .isInstanceOf(WireFormatException.class)
                    .hasMessageContaining("type");
        }
    }

    @Test
    void declaredLengthBeyondTheBufferIsRefusedWithoutAllocatingIt() {
        byte[] bytes = {1, 'k', 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'x'};
        assertThatThrownBy(() -> CcCodec.decodeEntries(bytes, 0, bytes.length))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void innerLengthRunningPastItsTableIsRefused() {
        // table "t" of 8 bytes whose inner binary claims 20
        byte[] bytes = {
            1, 't', 2, 0, 0, 0, 8, 1, 'k', 1, 0, 0, 0, 20, 'x', 'y', 'z', 'z', 'z', 'z', 'z', 'z', 'z', 'z', 'z', 'z',
            'z', 'z', 'z', 'z', 'z', 'z', 'z', 'z', 'z', 'z', 'z'
        };
        assertThatThrownBy(() -> CcCodec.decodeEntries(bytes, 0, bytes.length)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void keysLongerThan255BytesCannotBeEncoded() {
        assertThatThrownBy(() -> CcCodec.encodeEntry("k".repeat(256), CcValue.Binary.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
