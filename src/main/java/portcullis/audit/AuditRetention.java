package portcullis.audit;

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
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every {@code portcullis.audit.sweep-interval}: deletes the stored events older than the retention. */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class AuditRetention {
    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Resource
    TimerService timers;

    @Inject
    SecurityEvents events;

    @Inject
    @ConfigProperty(name = "portcullis.audit.retention")
    Duration retention;

    @Inject
    @ConfigProperty(name = "portcullis.audit.sweep-interval")
    Duration interval;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            int deleted = events.deleteOlderThan(Instant.now().minus(retention));
            LOG.fine(() -> "Deleted " + deleted + " security events past retention");
        } catch (RuntimeException databaseAway) {
            LOG.log(Level.WARNING, "Cannot delete security events past retention: {0}", databaseAway.toString());
        }
    }
}
