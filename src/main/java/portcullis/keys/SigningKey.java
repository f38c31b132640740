package portcullis.keys;

import com.nimbusds.jose.jwk.RSAKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One signing key pair, stored as a JWK; the private part is read only to sign. */
@Entity
@Table(name = "signing_keys")
@NamedQuery(name = SigningKey.NEWEST_FIRST, query = "SELECT k FROM SigningKey k ORDER BY k.createdAt DESC")
public class SigningKey {
    static final String NEWEST_FIRST = "SigningKey.newestFirst";

    @Id
    @Column(length = 64)
    private String kid;

    @Column(nullable = false, length = 16)
    private String algorithm;

    @Lob
    @Column(name = "private_jwk", nullable = false)
    private String privateJwk;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SigningKey() {
        // for JPA
    }

    SigningKey(RSAKey key) {
        this.kid = key.getKeyID();
        this.algorithm = key.getAlgorithm().getName();
        this.privateJwk = key.toJSONString();
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    RSAKey toJwk() {
        try {
            return RSAKey.parse(privateJwk);
        } catch (ParseException e) {
            throw new IllegalStateException("Signing key " + kid + " is not a valid RSA JWK", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", alg=" + algorithm + "]"; // never the key material
    }
}
