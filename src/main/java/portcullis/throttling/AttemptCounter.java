package portcullis.throttling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One key's attempts in its current window, shared by every node through the database. */
@Entity
@Table(name = "attempt_counters")
@NamedQuery(name = AttemptCounter.RESET, query = "DELETE FROM AttemptCounter c WHERE c.key = :key")
@NamedQuery(name = AttemptCounter.IDLE, query = "DELETE FROM AttemptCounter c WHERE c.lastAttempt < :before")
public class AttemptCounter {
    static final String RESET = "AttemptCounter.reset";
    static final String IDLE = "AttemptCounter.deleteIdle";

    @Id
    @Column(name = "counter_key", length = 400)
    private String key;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "last_attempt", nullable = false)
    private Instant lastAttempt;

    protected AttemptCounter() {
        // for JPA
    }

    AttemptCounter(String key, Instant now) {
        this.key = key;
        this.attempts = 1;
        this.windowStart = now;
        this.lastAttempt = now;
    }

    void count(Instant now, Duration window) {
        if (over(window, now)) {
            attempts = 0;
            windowStart = now;
        }
        attempts++;
        lastAttempt = now;
    }

    boolean over(Duration window, Instant now) {
        return !now.isBefore(windowStart.plus(window));
    }

    Attempts attempts() {
        return new Attempts(attempts, windowStart, lastAttempt);
    }
}
