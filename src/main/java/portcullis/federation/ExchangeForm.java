package portcullis.federation;

import jakarta.ws.rs.FormParam;
import java.util.List;
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
    List<String> grantType;

    @FormParam("subject_token")
    List<String> subjectToken;

    @FormParam("subject_token_type")
    List<String> subjectTokenType;

    @FormParam("requested_token_type")
    List<String> requestedTokenType;

    @FormParam("actor_token")
    List<String> actorToken;

    @FormParam("actor_token_type")
    List<String> actorTokenType;

    @FormParam("audience")
    List<String> audience;

    @FormParam("resource")
    List<String> resource;

    /** The token to exchange and the type the client says it is. */
    record SubjectToken(String token, String type) {
    }

    /** The subject token, if the request is one Portcullis serves; 400 with the OAuth error code otherwise. */
    SubjectToken checkedSubjectToken() {
        String grant = single("grant_type", grantType);
        if (!GRANT_TYPE.equals(grant)) {
            throw new InvalidExchangeRequestException("unsupported_grant_type", "grant_type",
                    blank(grant) ? "can't be blank" : "must be " + GRANT_TYPE);
        }
        String token = single("subject_token", subjectToken);
        if (blank(token)) {
            throw new InvalidExchangeRequestException("invalid_request", "subject_token", "can't be blank");
        }
        String type = single("subject_token_type", subjectTokenType);
        if (type == null || !SUBJECT_TOKEN_TYPES.contains(type)) {
            throw new InvalidExchangeRequestException("invalid_request", "subject_token_type",
                    "must be one of " + ACCESS_TOKEN + ", " + ID_TOKEN + ", " + JWT);
        }
        String requested = single("requested_token_type", requestedTokenType);
        if (!blank(requested) && !ISSUED_TOKEN_TYPES.contains(requested)) {
            throw new InvalidExchangeRequestException("invalid_request", "requested_token_type",
                    "must be " + ACCESS_TOKEN + " or " + JWT + ": Portcullis issues JWT access tokens");
        }
        if (!blank(single("actor_token", actorToken))) {
            throw new InvalidExchangeRequestException("invalid_request", "actor_token",
                    "is not supported: Portcullis issues tokens for the subject alone, not delegation");
        }
        if (!blank(single("actor_token_type", actorTokenType))) {
            // RFC 8693, 2.1: required with an actor_token, and must not be sent without one
            throw new InvalidExchangeRequestException("invalid_request", "actor_token_type",
                    "must not be sent without an actor_token");
        }
        String target = single("audience", audience);
        if (!blank(target) || !blank(single("resource", resource))) {
            throw new InvalidExchangeRequestException("invalid_target", blank(target) ? "resource" : "audience",
                    "is not supported: Portcullis issues its own tokens only");
        }
        return new SubjectToken(token.strip(), type);
    }

    /** A parameter's one value, or null; RFC 6749, 3.1: a parameter must not be sent more than once. */
    private static String single(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidExchangeRequestException("invalid_request", name, "must not be repeated");
        }
        return values.get(0);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
