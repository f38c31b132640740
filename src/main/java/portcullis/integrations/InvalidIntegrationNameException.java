package portcullis.integrations;

import portcullis.errors.ApiException;

public class InvalidIntegrationNameException extends ApiException {
    private static final long serialVersionUID = 1L;

    InvalidIntegrationNameException() {
        super(422, "name", "must be 1 to 64 lower-case letters, digits or hyphens, starting with a letter or digit");
    }
}
