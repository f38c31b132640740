package portcullis.throttling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Failed logins, counted per account (the login name as a directory matches it, {@link LoginName}, whether it
 * exists or not, so that every spelling of a name shares one counter and throttling does not
 * reveal accounts) and per client address. Past the threshold, every further attempt waits a delay that doubles with
 * each failure and is capped ({@link WaitPolicy}): an attacker can slow a victim's logins down, never lock them out
 * for good.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final String ACCOUNT = "login-account:";
    private static final String ADDRESS = "login-address:";

    @Inject
    AttemptCounters counters;

    @Inject
    KnownClients knownClients;

    @Inject
    WaitPolicy policy;

    @Inject
    ThrottledRefusal refusal;

    /**
     * Refuses with 429 while the account or the address has to wait; even the right password waits. An account that
     * logged in from this address recently is not held back by the address's failures (others on a shared address),
     * only by its own. Whether it is known depends on earlier successes alone, never on the password now sent, so
     * the answer tells an attacker nothing about the password.
     */
    public void checkAllowed(String account, String address) {
        String counted = LoginName.counted(account);
        Optional<Duration> wait = policy.accountWait(failures(ACCOUNT + counted))
                .or(() -> policy.addressWait(failures(ADDRESS + address))
                        .filter(addressWait -> !knownClients.isKnown(counted, address)));
        if (wait.isPresent()) {
            throw refusal.of("login", wait.get());
        }
    }

    /**
     * For a token exchange, which names nobody until its token is verified: only the client address's failures
     * (failed logins and refused exchanges alike) hold it back.
     */
    public void checkAddressAllowed(String address) {
        Optional<Duration> wait = policy.addressWait(failures(ADDRESS + address));
        if (wait.isPresent()) {
            throw refusal.of("exchange", wait.get());
        }
    }

    /** A refused token exchange: counts against the client address. */
    public void recordAddressFailure(String address) {
        counters.increment(ADDRESS + address, policy.window());
    }

    public void recordFailure(String account, String address) {
        counters.increment(ACCOUNT + LoginName.counted(account), policy.window());
        counters.increment(ADDRESS + address, policy.window());
    }

    public void recordSuccess(String account, String address) {
        String counted = LoginName.counted(account);
        if (failures(ACCOUNT + counted).isPresent()) { // most logins follow no failure: no write
            counters.reset(ACCOUNT + counted);
        }
        knownClients.remember(counted, address);
    }

    /** How the account stands: failures counted in the window, and how long it must wait before the next try. */
    public AccountThrottling stateOf(String account) {
        Optional<Attempts> failures = failures(ACCOUNT + LoginName.counted(account));
        Duration wait = policy.accountWait(failures).orElse(Duration.ZERO);
        return new AccountThrottling(failures.map(Attempts::count).orElse(0), !wait.isZero(),
                (wait.toMillis() + 999) / 1000);
    }

    /** Forgets the account's failures, lifting any wait (an administrator's action; addresses keep theirs). */
    public void lift(String account) {
        counters.reset(ACCOUNT + LoginName.counted(account));
    }

    private Optional<Attempts> failures(String key) {
        return counters.current(key, policy.window());
    }
}
