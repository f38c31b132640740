package portcullis.users;

import portcullis.errors.ApiException;

public class WrongPasswordException extends ApiException {
    private static final long serialVersionUID = 1L;

    WrongPasswordException() {
        super(403, "password", "is wrong");
    }
}
