package portcullis.integrations;

import portcullis.errors.ApiException;

public class NoSuchIntegrationException extends ApiException {
    private static final long serialVersionUID = 1L;

    NoSuchIntegrationException() {
        super(404, "integration", "not found");
    }
}
