package portcullis.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A provider's token that has been exchanged, remembered until it expires. */
@Entity
@Table(name = "exchanged_tokens")
@IdClass(ExchangedToken.Key.class)
@NamedQuery(name = ExchangedToken.DELETE_EXPIRED, query = "DELETE FROM ExchangedToken t WHERE t.expiresAt < :now")
public class ExchangedToken {
    static final String DELETE_EXPIRED = "ExchangedToken.deleteExpired";

    @Id
    @Column(nullable = false, length = 28)
    private String provider;

    @Id
    @Column(name = "token_key", nullable = false, length = 260)
    private String tokenKey;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected ExchangedToken() {
        // for JPA
    }

    ExchangedToken(String provider, String tokenKey, Instant expiresAt) {
        this.provider = provider;
        this.tokenKey = tokenKey;
        this.expiresAt = expiresAt;
    }

    /** The primary key: the provider's name and the token's replay key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String provider;
        private String tokenKey;

        public Key() {
            // for JPA
        }

        Key(String provider, String tokenKey) {
            this.provider = provider;
            this.tokenKey = tokenKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && provider.equals(key.provider) && tokenKey.equals(key.tokenKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(provider, tokenKey);
        }
    }
}
