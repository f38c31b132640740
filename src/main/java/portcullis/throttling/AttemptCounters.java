package portcullis.throttling;

import java.time.Duration;
import java.util.Optional;

/**
 * Attempt counts per key, each in a fixed window from its first attempt. The one seam for sharing counts across a
 * cluster: {@link StoredAttemptCounters} keeps them in the database every node shares.
 */
public interface AttemptCounters {

    /** Counts one more attempt for {@code key}, starting a new window if the last one is over; answers the count. */
    Attempts increment(String key, Duration window);

    /** The attempts of the current window, if one is running. */
    Optional<Attempts> current(String key, Duration window);

    void reset(String key);
}
