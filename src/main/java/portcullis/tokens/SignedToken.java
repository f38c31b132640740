package portcullis.tokens;

import java.time.Instant;

/** A signed token, its {@code jti} (by which logs and revocations name it) and its expiry. */
public record SignedToken(String compact, String jti, Instant expiresAt) {

    @Override
    public String toString() {
        return "SignedToken[jti=" + jti + "]"; // never the token itself
    }
}
