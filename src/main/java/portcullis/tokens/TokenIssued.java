package portcullis.tokens;

import java.time.Instant;

/** Fired (synchronously) for every token issued, before it is handed out; {@code integration} only for that kind. */
public record TokenIssued(String jti, String subject, TokenKind kind, String integration, Instant issuedAt,
        Instant expiresAt) {
}
