package portcullis.bodies;

import portcullis.errors.ApiException;

public class MalformedJsonException extends ApiException {
    private static final long serialVersionUID = 1L;

    MalformedJsonException() {
        this("is not valid JSON");
    }

    MalformedJsonException(String message) {
        super(400, "body", message);
    }
}
