package portcullis.keys;

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

/** Every {@code portcullis.keys.check-interval}: rotate when due, and pick up rotations done by other nodes. */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class KeyRotationSchedule {

    @Resource
    TimerService timers;

    @Inject
    KeyRing keyRing;

    @Inject
    @ConfigProperty(name = "portcullis.keys.check-interval")
    Duration interval;

    @PostConstruct
    void schedule() {
        // Not persistent: each node keeps its own in-memory key ring current.
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each step commits on its own
    void check() {
        keyRing.refresh();
    }
}
