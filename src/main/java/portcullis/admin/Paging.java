package portcullis.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Query parameters of the admin API's lists. A page ends with an opaque {@code next} cursor (the last key seen,
 * encoded); the next page starts strictly after it, in key order, so rows inserted meanwhile never shift a page.
 */
final class Paging {
    static final int MOST = 200;
    private static final int DEFAULT = 50;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Paging() {
    }

    static int limit(String raw) {
        if (raw == null) {
            return DEFAULT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MOST) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidQueryException("limit", "must be a whole number from 1 to " + MOST);
    }

    static String cursor(String key) {
        return ENCODER.encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor names; {@code null} for none (the first page). */
    static String key(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String key = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
            if (!key.isEmpty() && key.length() <= 253 && key.chars().noneMatch(Character::isISOControl)) {
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // answered below
        }
        throw invalidCursor();
    }

    /** The numeric key a cursor names; {@code fallback} for none. */
    static long numericKey(String cursor, long fallback) {
        String key = key(cursor);
        if (key == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(key);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw invalidCursor();
    }

    static Instant instant(String raw, String parameter) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidQueryException(parameter, "must be an ISO-8601 instant such as 2026-11-30T12:00:00Z");
        }
    }

    /** Free text to search for: control characters (NUL among them) are refused, as no stored value has them. */
    static String text(String raw, String parameter) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > 254 || raw.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidQueryException(parameter, "must be at most 254 printable characters");
        }
        return raw.strip();
    }

    private static InvalidQueryException invalidCursor() {
        return new InvalidQueryException("cursor", "is not a cursor this server gave out");
    }
}
