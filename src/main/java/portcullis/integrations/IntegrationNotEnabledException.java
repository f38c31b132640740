package portcullis.integrations;

import portcullis.errors.ApiException;

public class IntegrationNotEnabledException extends ApiException {
    private static final long serialVersionUID = 1L;

    IntegrationNotEnabledException() {
        super(404, "integration", "is not enabled");
    }
}
