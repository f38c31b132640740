package portcullis.users;

import portcullis.errors.ApiException;

public class UsernameTakenException extends ApiException {
    private static final long serialVersionUID = 1L;

    UsernameTakenException() {
        super(422, "username", "has already been taken");
    }
}
