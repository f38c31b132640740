package portcullis.throttling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code portcullis.throttling.sweep-interval}: forgets counters idle for longer than the longest window, and
 * known clients whose last success is older than theirs.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class AttemptCounterSweep {
    private static final Logger LOG = Logger.getLogger(AttemptCounterSweep.class.getName());

    @Resource
    TimerService timers;

    @Inject
    AttemptCounters counters;

    @Inject
    KnownClients knownClients;

    @Inject
    @ConfigProperty(name = "portcullis.throttling.sweep-interval")
    Duration interval;

    @Inject
    @ConfigProperty(name = "portcullis.throttling.failure-window")
    Duration failureWindow;

    @Inject
    @ConfigProperty(name = "portcullis.throttling.rate-window")
    Duration rateWindow;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            int deleted = counters.deleteIdle(failureWindow.compareTo(rateWindow) > 0 ? failureWindow : rateWindow);
            int forgotten = knownClients.forgetStale();
            LOG.fine(() -> "Forgot " + deleted + " idle attempt counters and " + forgotten + " known clients");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not sweep attempt counters: {0}", e.toString());
        }
    }
}
