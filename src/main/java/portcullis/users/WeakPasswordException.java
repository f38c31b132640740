package portcullis.users;

import portcullis.errors.ApiException;

public class WeakPasswordException extends ApiException {
    private static final long serialVersionUID = 1L;

    WeakPasswordException(String reason) {
        super(422, "password", reason);
    }
}
