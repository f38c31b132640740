package portcullis.organisations;

import portcullis.errors.ApiException;

public class NoSuchMembershipException extends ApiException {
    private static final long serialVersionUID = 1L;

    NoSuchMembershipException() {
        super(404, "membership", "not found");
    }
}
