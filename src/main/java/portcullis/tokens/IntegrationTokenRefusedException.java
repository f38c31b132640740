package portcullis.tokens;

import portcullis.errors.ApiException;

/** An integration token at an endpoint that needs the user's own token. */
public class IntegrationTokenRefusedException extends ApiException {
    private static final long serialVersionUID = 1L;

    IntegrationTokenRefusedException() {
        super(403, "token", "is an integration token; this needs the user's own token");
    }
}
