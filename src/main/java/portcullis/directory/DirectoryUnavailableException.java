package portcullis.directory;

import java.util.Map;
import portcullis.errors.ApiException;

/** The directory did not answer in time or refused the service account: 503, the client may try again. */
public class DirectoryUnavailableException extends ApiException {
    private static final long serialVersionUID = 1L;

    DirectoryUnavailableException() {
        super(503, "directory", "unavailable, try again shortly");
    }

    @Override
    protected Map<String, String> headers() {
        return Map.of("Retry-After", "5");
    }
}
