package portcullis.throttling;

import java.time.Instant;

/** How many attempts a key has made in the current window, and when the window started and the last one came. */
public record Attempts(int count, Instant first, Instant last) {

    Attempts plusOne(Instant now) {
        return new Attempts(count + 1, first, now);
    }
}
