package portcullis.federation;

import jakarta.ws.rs.FormParam;
import java.util.Set;

/**
 * The parameters of an OAuth 2.0 Token Exchange request (RFC 8693, section 2.1), form-encoded. Portcullis issues its
 * own tokens for the subject alone: no delegation ({@code actor_token}) and no other audience or resource.
 */
public class ExchangeForm {
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";
    static final String ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
    static final String JWT = "urn:ietf:params:oauth:token-type:jwt";
    private static final Set<String> SUBJECT_TOKEN_TYPES = Set.of(ACCESS_TOKEN, ID_TOKEN, JWT);
    private static final Set<String> ISSUED_TOKEN_TYPES = Set.of(ACCESS_TOKEN, JWT);

    @FormParam("grant_type")
    String grantType;

    @FormParam("subject_token")
    String subjectToken;

    @FormParam("subject_token_type")
    String subjectTokenType;

    @FormParam("requested_token_type")
    String requestedTokenType;

    @FormParam("actor_token")
    String actorToken;

    @FormParam("audience")
    String audience;

    @FormParam("resource")
    String resource;

    /** The subject token, if the request is one Portcullis serves; 400 with the OAuth error code otherwise. */
    String checkedSubjectToken() {
        if (!GRANT_TYPE.equals(grantType)) {
            throw new InvalidExchangeRequestException("unsupported_grant_type", "grant_type",
                    blank(grantType) ? "can't be blank" : "must be " + GRANT_TYPE);
        }
        if (blank(subjectToken)) {
            throw new InvalidExchangeRequestException("invalid_request", "subject_token", "can't be blank");
        }
        if (!SUBJECT_TOKEN_TYPES.contains(subjectTokenType)) {
            throw new InvalidExchangeRequestException("invalid_request", "subject_token_type",
                    "must be one of " + ACCESS_TOKEN + ", " + ID_TOKEN + ", " + JWT);
        }
        if (!blank(requestedTokenType) && !ISSUED_TOKEN_TYPES.contains(requestedTokenType)) {
            throw new InvalidExchangeRequestException("invalid_request", "requested_token_type",
                    "must be " + ACCESS_TOKEN + " or " + JWT + ": Portcullis issues JWT access tokens");
        }
        if (!blank(actorToken)) {
            throw new InvalidExchangeRequestException("invalid_request", "actor_token",
                    "is not supported: Portcullis issues tokens for the subject alone, not delegation");
        }
        if (!blank(audience) || !blank(resource)) {
            throw new InvalidExchangeRequestException("invalid_target", blank(audience) ? "resource" : "audience",
                    "is not supported: Portcullis issues its own tokens only");
        }
        return subjectToken.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
