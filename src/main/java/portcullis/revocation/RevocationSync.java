package portcullis.revocation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code portcullis.revocation.sync-interval}: picks up the revocations other nodes recorded in the shared
 * database, so that a logout on one node refuses the token on every node within that interval. On the managed
 * scheduled executor rather than an EJB timer: Payara delivers timers at most once a second.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class RevocationSync {
    private static final Logger LOG = Logger.getLogger(RevocationSync.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    RevocationList revocationList;

    @Inject
    @ConfigProperty(name = "portcullis.revocation.sync-interval")
    Duration interval;

    private ScheduledFuture<?> schedule;
    private volatile boolean failing;

    @PostConstruct
    void schedule() {
        schedule = executor.scheduleWithFixedDelay(this::catchUp, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        schedule.cancel(false);
    }

    private void catchUp() {
        try {
            revocationList.catchUp();
            if (failing) {
                failing = false;
                LOG.info("Caught up with stored revocations again");
            }
        } catch (RuntimeException e) {
            // The database is away: the list keeps what it has, and the next tick catches up from the same point.
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Cannot catch up with stored revocations: {0}", e.toString());
            }
        }
    }
}
