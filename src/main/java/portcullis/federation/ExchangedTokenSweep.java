package portcullis.federation;

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

/** Every {@code portcullis.sessions.sweep-interval}: forgets exchanged provider tokens that have expired. */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class ExchangedTokenSweep {
    private static final Logger LOG = Logger.getLogger(ExchangedTokenSweep.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ExchangedTokens exchanged;

    @Inject
    @ConfigProperty(name = "portcullis.sessions.sweep-interval")
    Duration interval;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            int deleted = exchanged.deleteExpired();
            LOG.fine(() -> "Forgot " + deleted + " expired exchanged tokens");
        } catch (RuntimeException databaseAway) {
            LOG.log(Level.WARNING, "Cannot forget expired exchanged tokens: {0}", databaseAway.toString());
        }
    }
}
