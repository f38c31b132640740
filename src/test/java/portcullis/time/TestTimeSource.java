package portcullis.time;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Replaces {@link TimeSource} in the deployments of in-container tests (added to their archive, never shipped): every
 * bean that asks for the {@link Clock} gets the one {@link MovableClock} the test moves.
 */
@ApplicationScoped
@Alternative
@Priority(1000)
public class TestTimeSource {
    private final MovableClock clock = new MovableClock();

    @Produces
    @Alternative
    @Priority(1000)
    Clock clock() {
        return clock;
    }

    public MovableClock movable() {
        return clock;
    }
}
