package portcullis.revocation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every {@code portcullis.revocation.check-interval}: prune revocations of expired tokens and reload the list. */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class RevocationSchedule {

    @Resource
    TimerService timers;

    @Inject
    RevocationList revocationList;

    @Inject
    @ConfigProperty(name = "portcullis.revocation.check-interval")
    Duration interval;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each step commits on its own
    void prune() {
        revocationList.pruneAndReload();
    }
}
