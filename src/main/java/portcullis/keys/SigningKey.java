package portcullis.keys;

import com.nimbusds.jose.jwk.JWK;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One signing key pair, stored as a JWK (sealed when a key encryption secret is configured). */
@Entity
@Table(name = "signing_keys")
@NamedQuery(name = SigningKey.NEWEST_FIRST, query = "SELECT k FROM SigningKey k ORDER BY k.createdAt DESC")
@NamedQuery(name = SigningKey.KIDS, query = "SELECT k.kid FROM SigningKey k")
public class SigningKey {
    static final String NEWEST_FIRST = "SigningKey.newestFirst";
    static final String KIDS = "SigningKey.kids";

    @Id
    @Column(length = 64)
    private String kid;

    @Column(nullable = false, length = 16)
    private String algorithm;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private KeyState state;

    @Column(name = "private_jwk", nullable = false, length = 8000)
    private String privateJwk;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When a NEXT key becomes ACTIVE. */
    @Column(name = "activates_at")
    private Instant activatesAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    /** Until when a RETIRED key stays published: its retirement plus the longest life of a token it signed. */
    @Column(name = "published_until")
    private Instant publishedUntil;

    @Version
    private long version;

    protected SigningKey() {
        // for JPA
    }

    SigningKey(JWK key, KeyState state, Instant createdAt, Instant activatesAt, KeyEncryption encryption) {
        this.kid = key.getKeyID();
        this.algorithm = key.getAlgorithm().getName();
        this.state = state;
        this.privateJwk = encryption.seal(kid, key.toJSONString());
        this.createdAt = truncate(createdAt);
        this.activatesAt = truncate(activatesAt);
    }

    JWK toJwk(KeyEncryption encryption) {
        try {
            return JWK.parse(encryption.open(kid, privateJwk));
        } catch (ParseException e) {
            throw new IllegalStateException("Signing key " + kid + " is not a valid JWK", e);
        }
    }

    boolean isDueForActivation(Instant now) {
        return state == KeyState.NEXT && !now.isBefore(activatesAt);
    }

    boolean isExpired(Instant now) {
        return state == KeyState.RETIRED && now.isAfter(publishedUntil);
    }

    void activate(Instant now) {
        this.state = KeyState.ACTIVE;
        this.activatesAt = truncate(now);
    }

    void retire(Instant now, Instant until) {
        this.state = KeyState.RETIRED;
        this.retiredAt = truncate(now);
        this.publishedUntil = truncate(until);
    }

    private static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    KeyStatus status() {
        return new KeyStatus(kid, algorithm, state, createdAt, activatesAt, retiredAt, publishedUntil);
    }

    KeyState state() {
        return state;
    }

    Instant activatesAt() {
        return activatesAt;
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", alg=" + algorithm + ", state=" + state + "]"; // never the key material
    }
}
