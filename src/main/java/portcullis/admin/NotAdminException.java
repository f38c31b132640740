package portcullis.admin;

import portcullis.errors.ApiException;

public class NotAdminException extends ApiException {
    private static final long serialVersionUID = 1L;

    NotAdminException() {
        super(403, "user", "is not an administrator");
    }
}
