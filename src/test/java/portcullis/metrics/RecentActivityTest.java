package portcullis.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import portcullis.metrics.RecentActivity.Kind;

class RecentActivityTest {
    private Instant now = Instant.parse("2026-11-30T12:00:30Z");
    private final RecentActivity activity = new RecentActivity(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void countsEachKindApart() {
        activity.count(Kind.LOGIN_SUCCESS);
        activity.count(Kind.LOGIN_SUCCESS);
        activity.count(Kind.TOKEN_REFUSED);
        assertEquals(2, activity.lastHour(Kind.LOGIN_SUCCESS));
        assertEquals(1, activity.lastHour(Kind.TOKEN_REFUSED));
        assertEquals(0, activity.lastHour(Kind.LOGIN_FAILURE));
    }

    @Test
    void keepsSixtyMinutesAndForgetsWhatIsOlder() {
        activity.count(Kind.LOGIN_FAILURE);
        now = now.plus(Duration.ofMinutes(59));
        activity.count(Kind.LOGIN_FAILURE);
        assertEquals(2, activity.lastHour(Kind.LOGIN_FAILURE));
        assertEquals(Instant.parse("2026-11-30T12:00:00Z"), activity.windowStart());

        now = now.plus(Duration.ofMinutes(1));
        assertEquals(1, activity.lastHour(Kind.LOGIN_FAILURE), "the first minute has left the window");
    }

    @Test
    void aSlotReusedAnHourLaterStartsFromZero() {
        activity.count(Kind.TOKEN_VERIFIED);
        now = now.plus(Duration.ofMinutes(60)); // the same slot of the ring
        activity.count(Kind.TOKEN_VERIFIED);
        assertEquals(1, activity.lastHour(Kind.TOKEN_VERIFIED));
    }

    @Test
    void concurrentCountsAreAllKept() throws Exception {
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    activity.count(Kind.TOKEN_VERIFIED);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(80_000, activity.lastHour(Kind.TOKEN_VERIFIED));
    }
}
