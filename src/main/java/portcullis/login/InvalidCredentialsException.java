package portcullis.login;

import portcullis.errors.ApiException;

/** One answer for an unknown email and a wrong password, so that it does not reveal which emails exist. */
public class InvalidCredentialsException extends ApiException {
    private static final long serialVersionUID = 1L;

    InvalidCredentialsException() {
        super(401, "email or password", "is invalid");
    }
}
