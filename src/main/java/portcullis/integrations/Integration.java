package portcullis.integrations;

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

/** A service in the catalogue: its name is the audience of its integration tokens. */
@Entity
@Table(name = "integrations")
@NamedQuery(name = Integration.BY_NAME, query = "SELECT i FROM Integration i WHERE i.name = :name")
@NamedQuery(name = Integration.ALL, query = "SELECT i FROM Integration i ORDER BY i.name")
@NamedQuery(name = Integration.ENABLED_BY, query = "SELECT i.name FROM Integration i, EnabledIntegration e"
        + " WHERE e.integrationId = i.id AND e.accountId = :account ORDER BY i.name")
public class Integration {
    static final String BY_NAME = "Integration.byName";
    static final String ALL = "Integration.all";
    static final String ENABLED_BY = "Integration.enabledBy";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @Column(name = "display_name", nullable = false, length = 128)
    private String displayName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Integration() {
        // for JPA
    }

    Integration(String name, String displayName) {
        this.name = name;
        this.displayName = displayName;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    void rename(String newDisplayName) {
        this.displayName = newDisplayName;
    }

    Long id() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
