package portcullis.federation;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import portcullis.login.EdumapsSession;

/** The Edumaps answer to an exchange: {@code token} and {@code data} as at login, and the standard fields. */
@JsonbPropertyOrder({"token", "data", "accessToken", "issuedTokenType", "tokenType", "expiresIn"})
public record EdumapsExchange(String token, EdumapsSession.Data data,
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("issued_token_type") String issuedTokenType,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn) {

    static EdumapsExchange of(EdumapsSession session, ExchangedAnswer answer) {
        return new EdumapsExchange(session.token(), session.data(), answer.accessToken(), answer.issuedTokenType(),
                answer.tokenType(), answer.expiresIn());
    }
}
