package portcullis.organisations;

import portcullis.errors.ApiException;

public class DomainTakenException extends ApiException {
    private static final long serialVersionUID = 1L;

    DomainTakenException() {
        super(422, "domain", "has already been taken");
    }
}
