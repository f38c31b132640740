package portcullis.sessions;

import portcullis.errors.ApiException;

public class NoSuchSessionException extends ApiException {
    private static final long serialVersionUID = 1L;

    NoSuchSessionException() {
        super(404, "session", "not found");
    }
}
