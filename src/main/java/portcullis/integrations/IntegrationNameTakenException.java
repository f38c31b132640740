package portcullis.integrations;

import portcullis.errors.ApiException;

public class IntegrationNameTakenException extends ApiException {
    private static final long serialVersionUID = 1L;

    IntegrationNameTakenException() {
        super(422, "name", "has already been taken");
    }
}
