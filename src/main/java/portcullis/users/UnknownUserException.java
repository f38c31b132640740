package portcullis.users;

import portcullis.errors.ApiException;

/** A valid token whose user no longer exists: answered like any other unusable token. */
public class UnknownUserException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnknownUserException() {
        super(401, "token", "is invalid");
    }
}
