package portcullis.users;

import portcullis.errors.ApiException;

public class LastAdministratorException extends ApiException {
    private static final long serialVersionUID = 1L;

    LastAdministratorException() {
        super(409, "administrator", "is the last active one; make another administrator first");
    }
}
