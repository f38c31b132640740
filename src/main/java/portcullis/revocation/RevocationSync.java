package portcullis.revocation;

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
 * Every {@code portcullis.revocation.sync-interval}: picks up the revocations other nodes recorded in the shared
 * database, so that a logout on one node refuses the token on every node within that interval.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class RevocationSync {
    private static final Logger LOG = Logger.getLogger(RevocationSync.class.getName());

    @Resource
    TimerService timers;

    @Inject
    RevocationList revocationList;

    @Inject
    @ConfigProperty(name = "portcullis.revocation.sync-interval")
    Duration interval;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void catchUp() {
        try {
            revocationList.catchUp();
        } catch (RuntimeException e) {
            // The database is away: the list keeps what it has, and the next tick catches up from the same point.
            LOG.log(Level.WARNING, "Could not catch up with stored revocations: {0}", e.toString());
        }
    }
}
