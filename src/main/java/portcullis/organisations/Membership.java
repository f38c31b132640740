package portcullis.organisations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An account's membership of an organisation. */
@Entity
@Table(name = "memberships")
@IdClass(Membership.Key.class)
@NamedQuery(name = Membership.MEMBERS, query = "SELECT m.accountId FROM Membership m"
        + " WHERE m.organisationId = :organisation AND m.accountId > :after ORDER BY m.accountId")
@NamedQuery(name = Membership.ALL_MEMBERS, query = "SELECT m.accountId FROM Membership m"
        + " WHERE m.organisationId = :organisation")
@NamedQuery(name = Membership.COUNT, query = "SELECT COUNT(m) FROM Membership m WHERE m.organisationId = :organisation")
public class Membership {
    static final String MEMBERS = "Membership.members";
    static final String ALL_MEMBERS = "Membership.allMembers";
    static final String COUNT = "Membership.count";

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Id
    @Column(name = "organisation_id")
    private long organisationId;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected Membership() {
        // for JPA
    }

    Membership(long accountId, long organisationId) {
        this.accountId = accountId;
        this.organisationId = organisationId;
        this.joinedAt = Instant.now();
    }

    /** The composite primary key (a class with fields named as the entity's, as JPA requires of an id class). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long accountId;
        private long organisationId;

        public Key() {
            // for JPA
        }

        Key(long accountId, long organisationId) {
            this.accountId = accountId;
            this.organisationId = organisationId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.accountId == accountId && key.organisationId == organisationId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, organisationId);
        }
    }
}
