package portcullis.users;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import portcullis.tokens.TokenSubject;

/**
 * An account. The email is the login name, stored normalised so that it compares case-insensitively; the username is
 * unique case-insensitively too, so that "Alice" cannot impersonate "alice". The password hash never leaves it.
 */
@Entity
@Table(name = "accounts") // USER is a reserved word in Derby and PostgreSQL
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u LEFT JOIN FETCH u.topics WHERE u.email = :email")
@NamedQuery(name = User.BY_USERNAME, query = "SELECT u FROM User u WHERE u.usernameKey = :usernameKey")
// User and topics in one round trip (em.find and a plain query read the collection in a second one)
@NamedQuery(name = User.BY_ID, query = "SELECT u FROM User u LEFT JOIN FETCH u.topics WHERE u.id = :id")
@NamedQuery(name = User.ADMINISTRATORS, query = "SELECT COUNT(u) FROM User u WHERE u.administrator = true"
        + " AND u.disabled = false")
public class User {
    public static final String BY_EMAIL = "User.byEmail";
    static final String ADMINISTRATORS = "User.administrators";
    public static final String BY_USERNAME = "User.byUsername";
    public static final String BY_ID = "User.byId";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "username_key", nullable = false, unique = true, length = 64)
    private String usernameKey;

    @Column(length = 128)
    private String name;

    @Column(length = 2000)
    private String bio;

    @Column(length = 2048)
    private String image;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_topics", joinColumns = @JoinColumn(name = "account_id"))
    @OrderColumn(name = "position")
    @Column(name = "topic", nullable = false, length = 64)
    private List<String> topics = new ArrayList<>();

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(nullable = false)
    private boolean disabled;

    /** Granted by an administrator (or the operator's bootstrap account), never by an email. */
    @Column(nullable = false)
    private boolean administrator;

    /** Who keeps this account's password (such as {@code directory}); null for Portcullis's own accounts. */
    @Column(name = "managed_by", length = 32)
    private String managedBy;

    /** Token groups granted by whoever manages the account, space-separated; refreshed at every login. */
    @Column(name = "granted_groups", length = 1024)
    private String grantedGroups;

    @Version
    private long version;

    protected User() {
        // for JPA
    }

    User(String email, String username, String passwordHash) {
        this.email = normalizeEmail(email);
        rename(username);
        this.passwordHash = passwordHash;
        this.createdAt = now();
        this.updatedAt = createdAt;
    }

    /**
     * An account whose password lives elsewhere (a shadow account): it has no Portcullis password (its hash matches
     * nothing). The mutators below that are public are the ones shadow accounts refresh from their source.
     */
    public static User managed(String managedBy, String email, String username) {
        User user = new User(email, username, "!" + managedBy);
        user.managedBy = managedBy;
        return user;
    }

    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static String usernameKey(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code candidate} is this user's password; the hash itself stays inside. */
    public boolean passwordMatches(String candidate, PasswordHasher hasher) {
        if (managedBy != null) {
            hasher.matchNothing(candidate); // the same work as for any account
            return false;
        }
        return hasher.matches(candidate, passwordHash);
    }

    /** Whether the stored hash is of an older scheme or another bcrypt cost than configured. */
    public boolean passwordNeedsRehash(PasswordHasher hasher) {
        return managedBy == null && hasher.needsRehash(passwordHash);
    }

    /** Who keeps the password ({@code directory}), if not Portcullis. */
    public Optional<String> managedBy() {
        return Optional.ofNullable(managedBy);
    }

    /** The token groups granted by whoever manages the account. */
    public Set<String> grantedGroups() {
        return grantedGroups == null || grantedGroups.isBlank() ? Set.of()
                : Set.of(grantedGroups.strip().split(" +"));
    }

    public void grantGroups(Set<String> groups) {
        this.grantedGroups = groups.isEmpty() ? null : String.join(" ", new TreeSet<>(groups));
    }

    TokenSubject tokenSubject(Set<String> groups) {
        return new TokenSubject(subject(), email, groups);
    }

    /** The {@code sub} of this user's tokens. */
    public String subject() {
        return String.valueOf(id);
    }

    public boolean isDisabled() {
        return disabled;
    }

    void disable(boolean value) {
        this.disabled = value;
    }

    /** Whether an administrator (or the operator's bootstrap) made this account an administrator. */
    public boolean isAdministrator() {
        return administrator;
    }

    void makeAdministrator(boolean value) {
        this.administrator = value;
    }

    public void changeEmail(String newEmail) {
        this.email = normalizeEmail(newEmail);
    }

    public void rename(String newUsername) {
        this.username = newUsername.strip();
        this.usernameKey = usernameKey(newUsername);
    }

    void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public void describe(String newName, String newBio, String newImage) {
        this.name = newName;
        this.bio = newBio;
        this.image = newImage;
    }

    public void touch() {
        this.updatedAt = now();
    }

    // Millisecond precision: what clients see (ISO-8601 with milliseconds) is exactly what is stored.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getUsername() {
        return username;
    }

    public String getName() {
        return name;
    }

    public String getBio() {
        return bio;
    }

    public String getImage() {
        return image;
    }

    public List<String> getTopics() {
        return List.copyOf(topics);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
