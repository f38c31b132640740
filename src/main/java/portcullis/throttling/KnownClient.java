package portcullis.throttling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An (account, client address) pair that logged in successfully, stored as the pair's hash. */
@Entity
@Table(name = "known_clients")
@NamedQuery(name = KnownClient.FORGOTTEN, query = "DELETE FROM KnownClient c WHERE c.lastSuccess < :before")
public class KnownClient {
    static final String FORGOTTEN = "KnownClient.forgotten";

    @Id
    @Column(name = "client_key", length = 64)
    private String key;

    @Column(name = "last_success", nullable = false)
    private Instant lastSuccess;

    protected KnownClient() {
        // for JPA
    }

    KnownClient(String key, Instant now) {
        this.key = key;
        this.lastSuccess = now;
    }

    void succeeded(Instant now) {
        lastSuccess = now;
    }

    boolean succeededSince(Instant since) {
        return lastSuccess.isAfter(since);
    }
}
