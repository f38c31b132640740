package portcullis.organisations;

import portcullis.errors.ApiException;

public class InvalidDomainException extends ApiException {
    private static final long serialVersionUID = 1L;

    InvalidDomainException() {
        super(422, "domain", "is not a domain name (such as example.com)");
    }
}
