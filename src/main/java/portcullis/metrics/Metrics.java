package portcullis.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** The measurements Portcullis takes; recorded as MicroProfile Metrics when the server provides them. */
@ApplicationScoped
public class Metrics {
    private static final Logger LOG = Logger.getLogger(Metrics.class.getName());

    @Inject
    RecentActivity recent;

    private Recorder recorder = Recorder.NOWHERE;

    @PostConstruct
    void findRegistry() {
        try {
            Class.forName("org.eclipse.microprofile.metrics.MetricRegistry", false, Metrics.class.getClassLoader());
            recorder = CDI.current().select(MicroProfileRecorder.class).get();
        } catch (ClassNotFoundException | RuntimeException | LinkageError noMetrics) {
            LOG.info(() -> "No MicroProfile Metrics on this server (" + noMetrics
                    + "): Portcullis metrics are not recorded");
        }
    }

    /** outcome: success, failure or throttled. */
    public void login(String outcome, long nanos) {
        recorder.count("portcullis.logins", "Logins by outcome", "outcome", outcome);
        recent.count(switch (outcome) {
            case "success" -> RecentActivity.Kind.LOGIN_SUCCESS;
            case "throttled" -> RecentActivity.Kind.LOGIN_THROTTLED;
            default -> RecentActivity.Kind.LOGIN_FAILURE;
        });
        recorder.time("portcullis.login.time", "Time to answer a login", nanos, "outcome", outcome);
    }

    /** A token exchange (federation), counted among the logins of the last hour; outcome as for a login. */
    public void exchange(String outcome, long nanos) {
        recorder.count("portcullis.exchanges", "Token exchanges by outcome", "outcome", outcome);
        recent.count(switch (outcome) {
            case "success" -> RecentActivity.Kind.LOGIN_SUCCESS;
            case "throttled" -> RecentActivity.Kind.LOGIN_THROTTLED;
            default -> RecentActivity.Kind.LOGIN_FAILURE;
        });
        recorder.time("portcullis.exchange.time", "Time to answer a token exchange", nanos, "outcome", outcome);
    }

    public void tokenIssued() {
        recorder.count("portcullis.tokens.issued", "Tokens issued");
    }

    public void tokenVerified(long nanos) {
        recorder.count("portcullis.tokens.verified", "Tokens accepted by the token check");
        recent.count(RecentActivity.Kind.TOKEN_VERIFIED);
        recorder.time("portcullis.token.check.time", "Time of the token check", nanos, "result", "verified");
    }

    public void tokenRefused(long nanos) {
        recorder.count("portcullis.tokens.refused", "Tokens refused by the token check");
        recent.count(RecentActivity.Kind.TOKEN_REFUSED);
        recorder.time("portcullis.token.check.time", "Time of the token check", nanos, "result", "refused");
    }

    /** action: login, registration or reauthentication. */
    public void throttled(String action) {
        recorder.count("portcullis.throttled", "Attempts refused by throttling", "action", action);
    }

    /** kind: token (logout), subject (all of a user's tokens) or disable. */
    public void revocation(String kind) {
        recorder.count("portcullis.revocations", "Revocations recorded", "kind", kind);
    }
}
