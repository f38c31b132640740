package portcullis.federation;

import java.util.Map;
import java.util.logging.Logger;
import portcullis.errors.ApiException;

/**
 * The provider's keys could not be had (no answer in time, or not a key set): 503, the client may try again. The
 * reason goes to the log, not to the client.
 */
public class ProviderUnavailableException extends ApiException {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ProviderUnavailableException.class.getName());

    private ProviderUnavailableException() {
        super(503, "identity provider", "unavailable, try again shortly");
    }

    static ProviderUnavailableException because(Provider provider, String reason) {
        LOG.warning(() -> "Identity provider " + provider.name() + ": " + reason);
        return new ProviderUnavailableException();
    }

    /** For a provider whose last fetch failed moments ago: nothing new to log. */
    static ProviderUnavailableException stillDown() {
        return new ProviderUnavailableException();
    }

    @Override
    protected Map<String, String> headers() {
        return Map.of("Retry-After", "5");
    }

    @Override
    protected String oauthError() {
        return "temporarily_unavailable";
    }
}
