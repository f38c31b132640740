package portcullis.throttling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long failed logins make the next try wait: nothing below a threshold, then a delay that doubles with every
 * further failure, capped ({@code portcullis.throttling.*}).
 */
@ApplicationScoped
public class WaitPolicy {

    @Inject
    Clock clock;

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

    Duration window() {
        return window;
    }

    Optional<Duration> accountWait(Optional<Attempts> failures) {
        return waitFor(failures, accountFailures);
    }

    Optional<Duration> addressWait(Optional<Attempts> failures) {
        return waitFor(failures, addressFailures);
    }

    private Optional<Duration> waitFor(Optional<Attempts> failures, int threshold) {
        return failures
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
