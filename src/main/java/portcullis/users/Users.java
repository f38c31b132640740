package portcullis.users;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.errors.ApiException;
import portcullis.revocation.RevocationList;
import portcullis.sessions.Sessions;

/** Owns the user store: registration, lookups and changes. */
@Stateless
public class Users {
    private static final Logger LOG = Logger.getLogger(Users.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordRules passwordRules;

    @Inject
    RevocationList revocationList;

    @Inject
    AuditLog audit;

    @Inject
    Sessions sessions;

    @Resource
    SessionContext session;

    // Hashing runs outside any transaction, so no database connection or lock is held for the ~250 ms bcrypt takes.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public User register(String email, String username, String password) {
        return create(email, username, password, false);
    }

    /**
     * The operator's first administrator ({@code portcullis.admin.bootstrap-email}): registered as an administrator
     * in one write, so that no other node or request can see the account without its standing.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public User registerAdministrator(String email, String username, String password) {
        return create(email, username, password, true);
    }

    private User create(String email, String username, String password, boolean administrator) {
        try {
            passwordRules.check(password, email, username);
            checkAvailable(email, username, null);
            User created = new User(email, username, hasher.hash(password));
            created.makeAdministrator(administrator);
            User user = write(created, email, username);
            audit.record(AuditEvent.REGISTRATION, "success", user.subject(), null);
            return user;
        } catch (ApiException refused) {
            audit.record(AuditEvent.REGISTRATION, "refused: " + refused.getMessage(), null, null);
            throw refused;
        }
    }

    /** Stores the password again under the current scheme and cost; best effort, as part of a successful login. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void rehash(long id, String password) {
        findById(id).ifPresent(user -> {
            user.changePasswordHash(hasher.hash(password));
            try {
                write(user, null, null);
            } catch (ConcurrentUpdateException changedMeanwhile) {
                LOG.fine(() -> "Rehash of user " + id + " skipped: changed concurrently");
            }
        });
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public Optional<User> findByEmail(String email) {
        if (email.indexOf('\u0000') >= 0) {
            return Optional.empty(); // no stored email has one, and PostgreSQL refuses NUL in any text
        }
        return em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream()
                .findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public Optional<User> findById(long id) {
        return em.createNamedQuery(User.BY_ID, User.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    /** The user a verified token was issued to; refused if that user no longer exists. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public User of(JsonWebToken token) {
        return parseId(token.getSubject()).flatMap(this::findById).orElseThrow(UnknownUserException::new);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public User update(JsonWebToken token, UserChanges changes) {
        User user = of(token);
        if (user.managedBy().isPresent() && (changes.password() != null || changes.email() != null)) {
            throw new ManagedElsewhereException(changes.password() != null ? "password" : "email",
                    user.managedBy().get());
        }
        checkAvailable(changes.email(), changes.username(), user.getId());
        if (changes.email() != null) {
            user.changeEmail(changes.email());
        }
        if (changes.username() != null) {
            user.rename(changes.username());
        }
        if (changes.password() != null) {
            passwordRules.check(changes.password(), user.getEmail(), user.getUsername());
            user.changePasswordHash(hasher.hash(changes.password()));
            // Before the write: should the write fail, the other tokens are gone but the password is not changed.
            endOtherSessions(user, token);
            audit.record(AuditEvent.PASSWORD_CHANGE, "success", user.subject(), token.getTokenID());
        }
        user.describe(
                changes.name() == null ? user.getName() : emptyToNull(changes.name()),
                changes.bio() == null ? user.getBio() : emptyToNull(changes.bio()),
                changes.image() == null ? user.getImage() : emptyToNull(changes.image()));
        user.touch();
        return write(user, changes.email(), changes.username());
    }

    /**
     * Every token of the user but {@code kept} is revoked (ASVS 5.0 7.4.3): the other sessions, integration tokens
     * included, end; the client that changed the password keeps working with the token it holds (the original
     * RealWorld frontend ignores the new token in the answer). Older tokens go wholesale, those of the kept token's
     * second or later one by one.
     */
    private void endOtherSessions(User user, JsonWebToken kept) {
        revocationList.revokeIssuedBefore(user.subject(), kept.getIssuedAtTime());
        sessions.revokeAllBut(user.getId(), kept.getTokenID(), Instant.ofEpochSecond(kept.getIssuedAtTime()));
    }

    /** An administrator sets a new password (it must pass the rules); every token of the user is revoked. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public User setPassword(long id, String password) {
        User user = findById(id).orElseThrow(NoSuchUserException::new);
        if (user.managedBy().isPresent()) {
            throw new ManagedElsewhereException("password", user.managedBy().get());
        }
        passwordRules.check(password, user.getEmail(), user.getUsername());
        user.changePasswordHash(hasher.hash(password));
        revocationList.revokeAllOf(user.subject());
        user.touch();
        return write(user, null, null);
    }

    /**
     * Grants or takes away administrator standing. Taking it away outdates every earlier token of the account on
     * every node (refused everywhere but at renewal, which answers a token without {@code admin}), after the write,
     * so that a renewal in between cannot read the old standing. The last active administrator keeps it (409).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public User setAdministrator(long id, boolean administrator) {
        User user = findById(id).orElseThrow(NoSuchUserException::new);
        if (!administrator && user.isAdministrator() && !user.isDisabled() && activeAdministrators() <= 1) {
            throw new LastAdministratorException();
        }
        User stored = user;
        if (user.isAdministrator() != administrator) {
            user.makeAdministrator(administrator);
            user.touch();
            stored = write(user, null, null);
        }
        if (!administrator) {
            revocationList.outdateAllOf(stored.subject()); // also when retried after a failure here
        }
        return stored;
    }

    private long activeAdministrators() {
        return em.createNamedQuery(User.ADMINISTRATORS, Long.class).getSingleResult();
    }

    /** Disables or enables an account: a disabled user cannot log in and every token of theirs is refused. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void setDisabled(long id, boolean disabled) {
        User user = findById(id).orElseThrow(NoSuchUserException::new);
        user.disable(disabled);
        user.touch();
        revocationList.disable(user.subject(), disabled);
        write(user, null, null);
    }

    /**
     * Stores a new or changed user in a transaction of its own. When a concurrent registration or change took the
     * same email or username between our check and our write, the unique constraints decide, and the loser learns
     * which field from a fresh read once its own transaction (and every lock it held) is gone.
     */
    private User write(User user, String email, String username) {
        try {
            return session.getBusinessObject(Users.class).store(user);
        } catch (UniqueKeyConflict lostRace) {
            return takenBy(email, username);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public User store(User user) {
        try {
            User stored = em.merge(user);
            em.flush();
            return stored;
        } catch (OptimisticLockException concurrentChange) {
            throw new ConcurrentUpdateException();
        } catch (PersistenceException constraintViolated) {
            throw new UniqueKeyConflict();
        }
    }

    private User takenBy(String email, String username) {
        if (email != null && findByEmail(email).isPresent()) {
            throw new EmailTakenException();
        }
        if (username != null && findByUsername(username).isPresent()) {
            throw new UsernameTakenException();
        }
        throw new ConcurrentUpdateException();
    }

    private void checkAvailable(String email, String username, Long self) {
        if (email != null && findByEmail(email).filter(other -> !other.getId().equals(self)).isPresent()) {
            throw new EmailTakenException();
        }
        if (username != null && findByUsername(username).filter(other -> !other.getId().equals(self)).isPresent()) {
            throw new UsernameTakenException();
        }
    }

    /** Whether another account than {@code self} has this username (case-insensitively). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public boolean usernameTaken(String username, Long self) {
        return findByUsername(username).filter(other -> !other.getId().equals(self)).isPresent();
    }

    private Optional<User> findByUsername(String username) {
        return em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("usernameKey", User.usernameKey(username))
                .getResultStream()
                .findFirst();
    }

    private static Optional<Long> parseId(String subject) {
        try {
            return Optional.of(Long.parseLong(subject));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    private static String emptyToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
