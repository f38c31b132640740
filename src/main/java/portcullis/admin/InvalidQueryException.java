package portcullis.admin;

import portcullis.errors.ApiException;

/** A query parameter the admin API cannot read: 400 naming it. */
public class InvalidQueryException extends ApiException {
    private static final long serialVersionUID = 1L;

    InvalidQueryException(String parameter, String message) {
        super(400, parameter, message);
    }
}
