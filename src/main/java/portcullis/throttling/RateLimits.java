package portcullis.throttling;

import portcullis.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;

/**
 * Registrations per client address, and re-authentications per user, in a window; over the limit, 429 until the
 * window ends. Re-authentication counts per user, not per address: its caller holds a valid token already, and
 * a count per address would let the colleagues on a shared address (an office, a balancer) exhaust each other's.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    AttemptCounters counters;

    @Inject
    Metrics metrics;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "portcullis.throttling.registrations-per-address")
    int registrations;

    @Inject
    @ConfigProperty(name = "portcullis.throttling.reauthentications-per-user")
    int reauthentications;

    @Inject
    @ConfigProperty(name = "portcullis.throttling.rate-window")
    Duration window;

    public void countRegistration(String address) {
        count("registration", "registration:" + address, registrations);
    }

    public void countReauthentication(String subject) {
        // Its own key prefix: the counts kept per address under "reauthentication:" before are not mixed in.
        count("reauthentication", "reauthentication-of:" + subject, reauthentications);
    }

    private void count(String action, String key, int limit) {
        Attempts attempts = counters.increment(key, window);
        if (attempts.count() > limit) {
            audit.record(AuditEvent.THROTTLED, action, null, null);
            metrics.throttled(action);
            throw new TooManyAttemptsException(Duration.between(Instant.now(), attempts.first().plus(window)));
        }
    }
}
