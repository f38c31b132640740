package portcullis.keys;

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
 * Every {@code portcullis.keys.sync-interval}: compares the stored key ids with the ones in memory and reloads when
 * they differ, so that a key retired in an emergency on one node is refused on every node within that interval
 * (the rotation schedule alone reloads only every {@code check-interval}). One small query of a table of a few rows.
 * On the managed scheduled executor rather than an EJB timer: Payara delivers timers at most once a second.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class KeyRingSync {
    private static final Logger LOG = Logger.getLogger(KeyRingSync.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    KeyRing keyRing;

    @Inject
    @ConfigProperty(name = "portcullis.keys.sync-interval")
    Duration interval;

    private ScheduledFuture<?> schedule;
    private volatile boolean failing;

    @PostConstruct
    void schedule() {
        schedule = executor.scheduleWithFixedDelay(this::sync, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        schedule.cancel(false);
    }

    private void sync() {
        try {
            keyRing.refreshIfChanged();
            if (failing) {
                failing = false;
                LOG.info("Comparing stored signing keys again");
            }
        } catch (RuntimeException e) {
            // The database is away: the keys in memory keep serving, and the next tick compares again.
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Cannot compare stored signing keys: {0}", e.toString());
            }
        }
    }
}
