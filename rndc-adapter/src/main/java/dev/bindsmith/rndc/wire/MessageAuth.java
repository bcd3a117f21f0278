package dev.bindsmith.rndc.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code _auth} entry. MD5 keys use {@code hmd5}: the base64 MAC with its {@code ==} stripped (22
 * characters). SHA keys use {@code hsha}: the algorithm byte (161–165), the padded base64 MAC, then
 * NULs up to 88 characters. The MAC covers every byte after the {@code _auth} entry.
 */
final class MessageAuth {

    static final String AUTH = "_auth";
    static final String HMD5 = "hmd5";
    static final String HSHA = "hsha";
    private static final int HSHA_TEXT_LENGTH = 88;

    private MessageAuth() {}

    static byte[] mac(RndcKey key, byte[] buf, int from, int to) {
        try {
            Mac mac = Mac.getInstance(key.algorithm().jcaName());
            // The JCA rejects empty keys; RndcKey never holds one.
            mac.init(new SecretKeySpec(key.secret(), key.algorithm().jcaName()));
            mac.update(buf, from, to - from);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + key.algorithm().jcaName(), e);
        }
    }

    /** The expected {@code _auth} sub-key and its binary value for a MAC over {@code buf[from, to)}. */
    static CcValue.Table authTable(RndcKey key, byte[] buf, int from, int to) {
        byte[] mac = mac(key, buf, from, to);
        SequencedMap<String, CcValue> entries = new LinkedHashMap<>();
        if (key.algorithm().isMd5()) {
            String b64 = Base64.getEncoder().withoutPadding().encodeToString(mac);
            entries.put(HMD5, CcValue.Binary.of(b64));
        } else {
            byte[] value = new byte[1 + HSHA_TEXT_LENGTH];
            value[0] = (byte) key.algorithm().code();
            byte[] b64 = Base64.getEncoder().encode(mac);
            System.arraycopy(b64, 0, value, 1, b64.length);
            entries.put(HSHA, new CcValue.Binary(value));
        }
        return new CcValue.Table(entries);
    }

    /** Checks a received {@code _auth} table against {@code buf[from, to)} in constant time. */
    static boolean verify(RndcKey key, CcValue auth, byte[] buf, int from, int to) {
        if (!(auth instanceof CcValue.Table received)) {
            return false;
        }
        String subKey = key.algorithm().isMd5() ? HMD5 : HSHA;
        byte[] expected =
                ((CcValue.Binary) authTable(key, buf, from, to).entries().get(subKey)).bytes();
        byte[] actual = received.get(subKey)
                .filter(CcValue.Binary.class::isInstance)
                .map(v -> ((CcValue.Binary) v).bytes())
                .orElse(new byte[0]);
        boolean equal = MessageDigest.isEqual(expected, actual);
        Arrays.fill(expected, (byte) 0);
        return equal;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
