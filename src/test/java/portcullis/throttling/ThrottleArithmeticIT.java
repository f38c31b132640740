package portcullis.throttling;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portcullis.Deployments;
import portcullis.time.TestTimeSource;

/**
 * The throttle's arithmetic, inside the server with a clock the test moves (the black-box tests cannot wait minutes
 * or hours): the threshold, the doubling wait, its cap, the window, and known clients on a throttled address.
 */
@ExtendWith(ArquillianExtension.class)
public class ThrottleArithmeticIT {

    @Deployment
    public static WebArchive war() {
        return Deployments.builtWarWithTestInside("""
                portcullis.throttling.account-failures=5
                portcullis.throttling.address-failures=20
                portcullis.throttling.failure-window=PT1H
                portcullis.throttling.first-delay=PT2S
                portcullis.throttling.max-delay=PT15M
                """, ThrottleArithmeticIT.class);
    }

    @Inject
    LoginThrottle throttle;

    @Inject
    TestTimeSource time;

    private static String account() {
        return "arithmetic-" + UUID.randomUUID() + "@example.com";
    }

    private static String address() {
        return "198.51.100." + (1 + (int) (Math.random() * 250));
    }

    @Test
    public void theWaitStartsAtTheThresholdDoublesWithEachFailureAndIsCapped() {
        String account = account();
        String address = address();
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(account, address);
        }
        assertFalse(throttle.stateOf(account).locked(), "four failures: no wait yet");
        throttle.recordFailure(account, address);
        assertEquals(new AccountThrottling(5, true, 2), throttle.stateOf(account));
        assertThrows(TooManyAttemptsException.class, () -> throttle.checkAllowed(account, address));

        time.movable().advance(Duration.ofMillis(2_100));
        assertFalse(throttle.stateOf(account).locked());
        assertDoesNotThrow(() -> throttle.checkAllowed(account, address));

        throttle.recordFailure(account, address);
        assertEquals(4, throttle.stateOf(account).retryAfter(), "one past the threshold: 2 s doubled");
        throttle.recordFailure(account, address);
        assertEquals(8, throttle.stateOf(account).retryAfter());
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(account, address);
        }
        assertEquals(15 * 60, throttle.stateOf(account).retryAfter(), "capped at max-delay: never locked for good");

        time.movable().advance(Duration.ofMinutes(15).plusSeconds(1));
        assertDoesNotThrow(() -> throttle.checkAllowed(account, address), "the capped wait ends");
    }

    @Test
    public void failuresOlderThanTheWindowAreForgotten() {
        String account = account();
        String address = address();
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(account, address);
        }
        assertTrue(throttle.stateOf(account).locked());
        time.movable().advance(Duration.ofHours(1).plusSeconds(1));
        assertEquals(new AccountThrottling(0, false, 0), throttle.stateOf(account));
        throttle.recordFailure(account, address);
        assertEquals(1, throttle.stateOf(account).failures(), "a new window starts");
    }

    @Test
    public void aThrottledAddressDoesNotHoldBackAnAccountThatLoggedInThereBefore() {
        String address = address();
        String regular = account();
        throttle.recordSuccess(regular, address);
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(account(), address); // twenty different names guessed from one address
        }
        assertThrows(TooManyAttemptsException.class, () -> throttle.checkAllowed(account(), address));
        assertThrows(TooManyAttemptsException.class, () -> throttle.checkAddressAllowed(address),
                "a token exchange from there waits too");
        assertDoesNotThrow(() -> throttle.checkAllowed(regular, address));

        time.movable().advance(Duration.ofDays(31)); // past the known-client-window (P30D) and the failure window
        assertDoesNotThrow(() -> throttle.checkAllowed(account(), address), "old failures are forgotten");
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(account(), address);
        }
        assertThrows(TooManyAttemptsException.class, () -> throttle.checkAllowed(regular, address),
                "a month without a login there: no longer a known client of the address");
    }
}
