package portcullis.requests;

import portcullis.errors.ApiException;

/** A credential in the query string: 400 on that parameter. */
public class CredentialInUrlException extends ApiException {
    private static final long serialVersionUID = 1L;

    CredentialInUrlException(String parameter) {
        super(400, parameter, "must be sent in the body, never in the URL");
    }
}
