package portcullis.federation;

import portcullis.errors.ApiException;

/** A token-exchange request Portcullis does not serve: 400 with the OAuth error code (RFC 8693, section 2.2.2). */
public class InvalidExchangeRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final String oauthError;

    InvalidExchangeRequestException(String oauthError, String field, String message) {
        this(400, oauthError, field, message);
    }

    InvalidExchangeRequestException(int status, String oauthError, String field, String message) {
        super(status, field, message);
        this.oauthError = oauthError;
    }

    @Override
    protected String oauthError() {
        return oauthError;
    }
}
