package portcullis.organisations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** An organisation: its domain (normalised, unique) is what tokens and Edumaps answers name it by. */
@Entity
@Table(name = "organisations")
@NamedQuery(name = Organisation.BY_DOMAIN, query = "SELECT o FROM Organisation o WHERE o.domain = :domain")
@NamedQuery(name = Organisation.PAGE, query = "SELECT o FROM Organisation o WHERE o.domain > :after ORDER BY o.domain")
@NamedQuery(name = Organisation.DOMAINS_OF, query = "SELECT o.domain FROM Organisation o, Membership m"
        + " WHERE m.organisationId = o.id AND m.accountId = :account ORDER BY o.domain")
public class Organisation {
    static final String BY_DOMAIN = "Organisation.byDomain";
    static final String PAGE = "Organisation.page";
    static final String DOMAINS_OF = "Organisation.domainsOf";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 253)
    private String domain;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Organisation() {
        // for JPA
    }

    Organisation(String domain, String name) {
        this.domain = domain;
        this.name = name;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    void rename(String newName) {
        this.name = newName;
    }

    Long id() {
        return id;
    }

    public String getDomain() {
        return domain;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
