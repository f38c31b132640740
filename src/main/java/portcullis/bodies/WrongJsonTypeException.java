package portcullis.bodies;

import portcullis.errors.ApiException;

/** A JSON field of the wrong type for what it binds to (a number where a string belongs): 422 on that field. */
public class WrongJsonTypeException extends ApiException {
    private static final long serialVersionUID = 1L;

    WrongJsonTypeException(String field, String message) {
        super(422, field, message);
    }
}
