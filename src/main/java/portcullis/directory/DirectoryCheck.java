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
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import portcullis.errors.ApiException;
import portcullis.revocation.RevocationList;
import portcullis.shadowaccounts.ManagedAccounts;
import portcullis.users.User;
import portcullis.users.Users;

/**
 * Every {@code portcullis.directory.check-interval}: looks up every directory account in the directory, revokes
 * every token of those who are gone or disabled there (their next login and renewal are refused anyway), and brings
 * the others' groups in step (a lost group outdates their earlier tokens). A
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
    Users users;

    @Inject
    DirectoryLogin directoryLogin;

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
                    if (!stillThere(link)) {
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

    /**
     * Whether the person is still in the directory and enabled; if so their account follows the directory's groups
     * now (a lost group outdates the earlier tokens), so that a group taken away there reaches Portcullis within the
     * check interval even if the person never signs in again.
     */
    private boolean stillThere(ManagedAccounts.Link link) {
        Optional<User> account = users.findById(link.accountId());
        if (account.isEmpty()) {
            return true; // deleted meanwhile: nothing to revoke
        }
        try {
            return directoryLogin.refresh(account.get()).isPresent();
        } catch (DirectoryUnavailableException away) {
            throw away; // ends the round
        } catch (ApiException conflict) {
            // their new email is another account's: the account stays as it was until someone resolves it
            LOG.warning(() -> "Directory check: user " + link.accountId() + " not refreshed: " + conflict.getMessage());
            return true;
        }
    }
}
