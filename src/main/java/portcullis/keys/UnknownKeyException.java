package portcullis.keys;

import portcullis.errors.ApiException;

public class UnknownKeyException extends ApiException {
    private static final long serialVersionUID = 1L;

    UnknownKeyException() {
        super(404, "key", "not found");
    }
}
