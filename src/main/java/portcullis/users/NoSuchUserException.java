package portcullis.users;

import portcullis.errors.ApiException;

public class NoSuchUserException extends ApiException {
    private static final long serialVersionUID = 1L;

    public NoSuchUserException() {
        super(404, "user", "not found");
    }
}
