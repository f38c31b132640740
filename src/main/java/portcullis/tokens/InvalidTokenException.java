package portcullis.tokens;

import java.util.Map;
import portcullis.errors.ApiException;

public class InvalidTokenException extends ApiException {
    private static final long serialVersionUID = 1L;

    static final String CHALLENGE = "Token realm=\"portcullis\", Bearer realm=\"portcullis\"";

    InvalidTokenException() {
        this("is invalid");
    }

    InvalidTokenException(String message) {
        super(401, "token", message);
    }

    static InvalidTokenException outdated() {
        return new InvalidTokenException("has outdated claims; re-authenticate at /api/auth/token for a fresh one");
    }

    static InvalidTokenException missing() {
        return new InvalidTokenException("is missing");
    }

    @Override
    protected Map<String, String> headers() {
        return Map.of("WWW-Authenticate", CHALLENGE);
    }
}
