package portcullis.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What this node did in the last hour, counted per minute in a ring of sixty buckets: logins by outcome, tokens
 * verified and refused. Kept beside MicroProfile Metrics (cumulative, and absent on WildFly) for the console's glance.
 */
@ApplicationScoped
public class RecentActivity {
    static final int MINUTES = 60;

    /** What is counted; the ordinal indexes a bucket's counters. */
    public enum Kind { LOGIN_SUCCESS, LOGIN_FAILURE, LOGIN_THROTTLED, TOKEN_VERIFIED, TOKEN_REFUSED }

    private final AtomicReferenceArray<Bucket> ring = new AtomicReferenceArray<>(MINUTES);
    private final Clock clock;

    public RecentActivity() {
        this(Clock.systemUTC());
    }

    RecentActivity(Clock clock) {
        this.clock = clock;
    }

    void count(Kind kind) {
        long minute = minuteNow();
        int slot = (int) (minute % MINUTES);
        Bucket bucket = ring.get(slot);
        if (bucket == null || bucket.minute != minute) {
            Bucket fresh = new Bucket(minute);
            // Whoever loses the race counts into the winner's bucket for the same minute.
            bucket = ring.compareAndSet(slot, bucket, fresh) ? fresh : ring.get(slot);
        }
        bucket.counts[kind.ordinal()].increment();
    }

    /** The counts of the last {@value #MINUTES} minutes, this one included. */
    public long lastHour(Kind kind) {
        long now = minuteNow();
        long total = 0;
        for (int slot = 0; slot < MINUTES; slot++) {
            Bucket bucket = ring.get(slot);
            if (bucket != null && bucket.minute > now - MINUTES) {
                total += bucket.counts[kind.ordinal()].sum();
            }
        }
        return total;
    }

    /** When the window of {@link #lastHour} starts. */
    public Instant windowStart() {
        return Instant.ofEpochSecond((minuteNow() - MINUTES + 1) * 60);
    }

    private long minuteNow() {
        return clock.millis() / 60_000;
    }

    private static final class Bucket {
        final long minute;
        final LongAdder[] counts = new LongAdder[Kind.values().length];

        Bucket(long minute) {
            this.minute = minute;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }
    }
}
