package portcullis.federation;

import java.time.Duration;
import java.time.Instant;
import portcullis.login.LoggedIn;

/**
 * The standard token-response fields of an exchange (RFC 8693, section 2.2.1), which both dialects' answers carry
 * beside their own: {@code access_token}, {@code issued_token_type}, {@code token_type}, {@code expires_in}.
 */
record ExchangedAnswer(String accessToken, String issuedTokenType, String tokenType, long expiresIn) {

    static ExchangedAnswer of(LoggedIn loggedIn) {
        long expiresIn = Math.max(0, Duration.between(Instant.now(), loggedIn.token().expiresAt()).toSeconds());
        return new ExchangedAnswer(loggedIn.token().compact(), ExchangeForm.ACCESS_TOKEN, "Bearer", expiresIn);
    }
}
