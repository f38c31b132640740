package portcullis.directory;

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
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import portcullis.revocation.RevocationList;
import portcullis.users.ManagedAccounts;

/**
 * Every {@code portcullis.directory.check-interval}: looks up every directory account in the directory, and revokes
 * every token of those who are gone or disabled there (their next login and renewal are refused anyway). A
 * directory that does not answer ends the round: an outage never counts as everyone leaving.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class DirectoryCheck {
    private static final Logger LOG = Logger.getLogger(DirectoryCheck.class.getName());
    private static final int PAGE = 200;

    @Resource
    TimerService timers;

    @Inject
    Directory directory;

    @Inject
    ManagedAccounts accounts;

    @Inject
    RevocationList revocations;

    @Inject
    @ConfigProperty(name = "portcullis.directory.check-interval")
    Duration interval;

    @PostConstruct
    void schedule() {
        if (directory.isOn() && !interval.isZero()) {
            timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(null, false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void check() {
        int revoked = 0;
        try {
            long after = 0;
            List<ManagedAccounts.Link> page;
            do {
                page = accounts.linkedTo(DirectoryLogin.SOURCE, after, PAGE);
                for (ManagedAccounts.Link link : page) {
                    if (directory.findById(link.externalId()).filter(entry -> !entry.disabled()).isEmpty()) {
                        revocations.revokeAllOf(String.valueOf(link.accountId()));
                        revoked++;
                    }
                    after = link.accountId();
                }
            } while (page.size() == PAGE);
        } catch (DirectoryUnavailableException away) {
            LOG.fine("Directory check skipped: the directory does not answer");
        } catch (RuntimeException databaseAway) {
            LOG.warning(() -> "Directory check skipped: " + databaseAway);
        }
        int count = revoked;
        LOG.fine(() -> "Directory check: the tokens of " + count + " people gone or disabled there revoked");
    }
}
