package portcullis.federation;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import portcullis.login.LoggedIn;
import portcullis.users.ConduitUser;

/** The Conduit answer to an exchange: the Conduit user object and the standard token-response fields. */
@JsonbPropertyOrder({"user", "accessToken", "issuedTokenType", "tokenType", "expiresIn"})
public record ConduitExchange(ConduitUser.Profile user,
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("issued_token_type") String issuedTokenType,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn) {

    static ConduitExchange of(LoggedIn loggedIn) {
        ExchangedAnswer answer = ExchangedAnswer.of(loggedIn);
        return new ConduitExchange(ConduitUser.of(loggedIn.user(), answer.accessToken()).user(), answer.accessToken(),
                answer.issuedTokenType(), answer.tokenType(), answer.expiresIn());
    }
}
