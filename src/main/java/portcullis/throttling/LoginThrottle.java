package portcullis.throttling;

import portcullis.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;

/**
 * Failed logins, counted per account (the login name as a directory matches it, {@link LoginName}, whether it
 * exists or not, so that every spelling of a name shares one counter and throttling does not
 * reveal accounts) and per client address. Past the threshold, every further attempt waits a delay that doubles with
 * each failure and is capped: an attacker can slow a victim's logins down, never lock them out for good.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final String ACCOUNT = "login-account:";
    private static final String ADDRESS = "login-address:";

    @Inject
    Clock clock;

    @Inject
    AttemptCounters counters;

    @Inject
    KnownClients knownClients;

    @Inject
    AuditLog audit;

    @Inject
    Metrics metrics;

    @Inject
    @ConfigProperty(name = "portcullis.throttling.account-failures")
    int accountFailures;

    @Inject
    @ConfigProperty(name = "portcullis.throttling.address-failures")
    int addressFailures;

    @Inject
    @ConfigProperty(name = "portcullis.throttling.failure-window")
    Duration window;

    @Inject
    @ConfigProperty(name = "portcullis.throttling.first-delay")
    Duration firstDelay;

    @Inject
    @ConfigProperty(name = "portcullis.throttling.max-delay")
    Duration maxDelay;

    /**
     * Refuses with 429 while the account or the address has to wait; even the right password waits. An account that
     * logged in from this address recently is not held back by the address's failures (others on a shared address),
     * only by its own. Whether it is known depends on earlier successes alone, never on the password now sent, so
     * the answer tells an attacker nothing about the password.
     */
    public void checkAllowed(String account, String address) {
        String counted = LoginName.counted(account);
        Optional<Duration> wait = waitFor(ACCOUNT + counted, accountFailures)
                .or(() -> waitFor(ADDRESS + address, addressFailures)
                        .filter(addressWait -> !knownClients.isKnown(counted, address)));
        if (wait.isPresent()) {
            audit.record(AuditEvent.THROTTLED, "login", null, null);
            metrics.throttled("login");
            throw new TooManyAttemptsException(wait.get());
        }
    }

    /**
     * For a token exchange, which names nobody until its token is verified: only the client address's failures
     * (failed logins and refused exchanges alike) hold it back.
     */
    public void checkAddressAllowed(String address) {
        Optional<Duration> wait = waitFor(ADDRESS + address, addressFailures);
        if (wait.isPresent()) {
            audit.record(AuditEvent.THROTTLED, "exchange", null, null);
            metrics.throttled("exchange");
            throw new TooManyAttemptsException(wait.get());
        }
    }

    /** A refused token exchange: counts against the client address. */
    public void recordAddressFailure(String address) {
        counters.increment(ADDRESS + address, window);
    }

    public void recordFailure(String account, String address) {
        counters.increment(ACCOUNT + LoginName.counted(account), window);
        counters.increment(ADDRESS + address, window);
    }

    public void recordSuccess(String account, String address) {
        String counted = LoginName.counted(account);
        if (counters.current(ACCOUNT + counted, window).isPresent()) { // most logins follow no failure: no write
            counters.reset(ACCOUNT + counted);
        }
        knownClients.remember(counted, address);
    }

    /** How the account stands: failures counted in the window, and how long it must wait before the next try. */
    public AccountThrottling stateOf(String account) {
        String counted = LoginName.counted(account);
        int failures = counters.current(ACCOUNT + counted, window).map(Attempts::count).orElse(0);
        Duration wait = waitFor(ACCOUNT + counted, accountFailures).orElse(Duration.ZERO);
        return new AccountThrottling(failures, !wait.isZero(), (wait.toMillis() + 999) / 1000);
    }

    /** Forgets the account's failures, lifting any wait (an administrator's action; addresses keep theirs). */
    public void lift(String account) {
        counters.reset(ACCOUNT + LoginName.counted(account));
    }

    private Optional<Duration> waitFor(String key, int threshold) {
        return counters.current(key, window)
                .filter(attempts -> attempts.count() >= threshold)
                .map(attempts -> Duration.between(clock.instant(),
                        attempts.last().plus(delayAfter(attempts.count() - threshold))))
                .filter(wait -> !wait.isNegative() && !wait.isZero());
    }

    private Duration delayAfter(int failuresPastThreshold) {
        int doublings = Math.min(failuresPastThreshold, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
