package portcullis.organisations;

import portcullis.errors.ApiException;

public class NoSuchOrganisationException extends ApiException {
    private static final long serialVersionUID = 1L;

    NoSuchOrganisationException() {
        super(404, "organisation", "not found");
    }
}
