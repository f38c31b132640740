package portcullis.throttling;

import portcullis.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;

/** Registrations and re-authentications per client address and window; over the limit, 429 until the window ends. */
@ApplicationScoped
public class AddressRateLimit {

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
    @ConfigProperty(name = "portcullis.throttling.reauthentications-per-address")
    int reauthentications;

    @Inject
    @ConfigProperty(name = "portcullis.throttling.rate-window")
    Duration window;

    public void countRegistration(String address) {
        count("registration", address, registrations);
    }

    public void countReauthentication(String address) {
        count("reauthentication", address, reauthentications);
    }

    private void count(String action, String address, int limit) {
        Attempts attempts = counters.increment(action + ":" + address, window);
        if (attempts.count() > limit) {
            audit.record(AuditEvent.THROTTLED, action, null, null);
            metrics.throttled(action);
            throw new TooManyAttemptsException(Duration.between(Instant.now(), attempts.first().plus(window)));
        }
    }
}
