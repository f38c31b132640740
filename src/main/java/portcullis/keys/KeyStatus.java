package portcullis.keys;

import java.time.Instant;

/** What an operator may see of a signing key: everything but the key. */
public record KeyStatus(String kid, String algorithm, KeyState state, Instant createdAt, Instant activatesAt,
        Instant retiredAt, Instant publishedUntil) {
}
