package portcullis.integrations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A service one account has enabled. */
@Entity
@Table(name = "enabled_integrations")
@IdClass(EnabledIntegration.Key.class)
public class EnabledIntegration {

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Id
    @Column(name = "integration_id")
    private long integrationId;

    @Column(name = "enabled_at", nullable = false)
    private Instant enabledAt;

    protected EnabledIntegration() {
        // for JPA
    }

    EnabledIntegration(long accountId, long integrationId) {
        this.accountId = accountId;
        this.integrationId = integrationId;
        this.enabledAt = Instant.now();
    }

    /** The composite primary key (a class with fields named as the entity's, as JPA requires of an id class). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long accountId;
        private long integrationId;

        public Key() {
            // for JPA
        }

        Key(long accountId, long integrationId) {
            this.accountId = accountId;
            this.integrationId = integrationId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.accountId == accountId && key.integrationId == integrationId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, integrationId);
        }
    }
}
