package dev.bindsmith.core.service;

import dev.bindsmith.core.zone.ZoneName;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Paging the zone list: the opaque cursor is the name of the last zone of a page, base64url-encoded
 * behind a tag, so that the next page follows from the name alone whatever was created or deleted in
 * between, and a record list's cursor is not taken for one.
 */
final class ZoneCursors {
    private static final String TAG = "zone:";

    private ZoneCursors() {}

    static String encode(ZoneName last) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((TAG + last.value()).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<ZoneName> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return text.startsWith(TAG) ? ZoneName.parse(text.substring(TAG.length())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
