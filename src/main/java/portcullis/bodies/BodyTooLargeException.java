package portcullis.bodies;

import portcullis.errors.ApiException;

public class BodyTooLargeException extends ApiException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long maxBytes) {
        super(413, "body", "is too large (maximum is " + maxBytes + " bytes)");
    }
}
