package portcullis.throttling;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts for one node. Windows that are over are swept out now and then, so that spraying keys cannot fill memory. */
@ApplicationScoped
public class InMemoryAttemptCounters implements AttemptCounters {
    private static final int SWEEP_EVERY = 1_000;
    private static final Duration LONGEST_WINDOW = Duration.ofDays(1);

    private final Map<String, Attempts> counts = new ConcurrentHashMap<>();
    private final AtomicLong increments = new AtomicLong();

    @Override
    public Attempts increment(String key, Duration window) {
        Instant now = Instant.now();
        if (increments.incrementAndGet() % SWEEP_EVERY == 0) {
            counts.values().removeIf(attempts -> attempts.last().plus(LONGEST_WINDOW).isBefore(now));
        }
        return counts.compute(key, (ignored, attempts) -> attempts == null || over(attempts, window, now)
                ? new Attempts(1, now, now)
                : attempts.plusOne(now));
    }

    @Override
    public Optional<Attempts> current(String key, Duration window) {
        return Optional.ofNullable(counts.get(key)).filter(attempts -> !over(attempts, window, Instant.now()));
    }

    @Override
    public void reset(String key) {
        counts.remove(key);
    }

    private static boolean over(Attempts attempts, Duration window, Instant now) {
        return !now.isBefore(attempts.first().plus(window));
    }
}
