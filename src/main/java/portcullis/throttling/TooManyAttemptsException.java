package portcullis.throttling;

import java.time.Duration;
import java.util.Map;
import portcullis.errors.ApiException;

/** 429 with {@code Retry-After}; the same answer whether the account exists or not. */
public class TooManyAttemptsException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    TooManyAttemptsException(Duration retryAfter) {
        super(429, "request", "too many attempts, try again later");
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @Override
    protected Map<String, String> headers() {
        return Map.of("Retry-After", String.valueOf(retryAfterSeconds));
    }
}
