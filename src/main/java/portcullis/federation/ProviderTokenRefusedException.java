package portcullis.federation;

import portcullis.errors.ApiException;

/** The subject token is not one Portcullis accepts (say why: the client holds the token, it learns nothing new). */
public class ProviderTokenRefusedException extends ApiException {
    private static final long serialVersionUID = 1L;

    ProviderTokenRefusedException(String message) {
        super(401, "subject_token", message);
    }

    @Override
    protected String oauthError() {
        return "invalid_grant";
    }
}
