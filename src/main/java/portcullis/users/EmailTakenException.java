package portcullis.users;

import portcullis.errors.ApiException;

public class EmailTakenException extends ApiException {
    private static final long serialVersionUID = 1L;

    EmailTakenException() {
        super(422, "email", "has already been taken");
    }
}
