package iq.gov.bcc.audit.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/** Opaque keyset position in the discrepancy listing (newest first): the last row's detectedAt and id. */
public record Cursor(OffsetDateTime detectedAt, UUID id) {

    public String encode() {
        Instant at = detectedAt.toInstant();
        String raw = at.getEpochSecond() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service issued */
    public static Cursor decode(String text) {
        String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        String[] parts = raw.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a cursor");
        }
        return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])).atOffset(ZoneOffset.UTC),
                UUID.fromString(parts[2]));
    }
}
