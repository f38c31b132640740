package portcullis.shadowaccounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The link from an identity elsewhere (the directory's id of a person) to the account it signs in to. */
@Entity
@Table(name = "external_identities")
@IdClass(ExternalIdentity.Key.class)
@NamedQuery(name = ExternalIdentity.OF_ACCOUNT,
        query = "SELECT e FROM ExternalIdentity e WHERE e.accountId = :accountId")
@NamedQuery(name = ExternalIdentity.OF_SOURCE, query = "SELECT e FROM ExternalIdentity e"
        + " WHERE e.source = :source AND e.accountId > :after ORDER BY e.accountId")
public class ExternalIdentity {
    static final String OF_ACCOUNT = "ExternalIdentity.ofAccount";
    static final String OF_SOURCE = "ExternalIdentity.ofSource";

    @Id
    @Column(nullable = false, length = 64)
    private String source;

    @Id
    @Column(name = "external_id", nullable = false, length = 255)
    private String externalId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    protected ExternalIdentity() {
        // for JPA
    }

    ExternalIdentity(String source, String externalId, long accountId) {
        this.source = source;
        this.externalId = externalId;
        this.accountId = accountId;
        this.linkedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    long accountId() {
        return accountId;
    }

    String externalId() {
        return externalId;
    }

    /** The primary key: source and the id there. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String source;
        private String externalId;

        public Key() {
            // for JPA
        }

        Key(String source, String externalId) {
            this.source = source;
            this.externalId = externalId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && source.equals(key.source) && externalId.equals(key.externalId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, externalId);
        }
    }
}
