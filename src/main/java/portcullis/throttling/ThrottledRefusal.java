package portcullis.throttling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.metrics.Metrics;

/** A throttled attempt: audited, counted, and refused with 429 and the wait. */
@ApplicationScoped
public class ThrottledRefusal {

    @Inject
    AuditLog audit;

    @Inject
    Metrics metrics;

    TooManyAttemptsException of(String what, Duration wait) {
        audit.record(AuditEvent.THROTTLED, what, null, null);
        metrics.throttled(what);
        return new TooManyAttemptsException(wait);
    }
}
