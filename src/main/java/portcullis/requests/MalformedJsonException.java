package portcullis.requests;

import portcullis.errors.ApiException;

public class MalformedJsonException extends ApiException {
    private static final long serialVersionUID = 1L;

    MalformedJsonException() {
        super(400, "body", "is not valid JSON");
    }
}
