package portcullis.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Produces the {@link Clock} every time-based decision asks: UTC system time. */
@ApplicationScoped
public class TimeSource {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
