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
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Owns the user store: registration, lookups and changes. */
@Stateless
public class Users {
    private static final Logger LOG = Logger.getLogger(Users.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Resource
    SessionContext session;

    public User register(String email, String username, String password) {
        checkAvailable(email, username, null);
        User user = new User(email, username, hasher.hash(password));
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException lostRace) {
            // Another registration of the same email or username committed between our check and our insert: the
            // unique constraints decide. Which one it was is read in a new transaction, as ours is rolled back.
            throw session.getBusinessObject(Users.class).takenBy(email, username);
        }
        LOG.info(() -> "Registered user " + user.getId());
        return user;
    }

    public Optional<User> findByEmail(String email) {
        return em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream()
                .findFirst();
    }

    public Optional<User> findById(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /** The user a verified token was issued to; refused if that user no longer exists. */
    public User of(JsonWebToken token) {
        return parseId(token.getSubject()).flatMap(this::findById).orElseThrow(UnknownUserException::new);
    }

    public User update(JsonWebToken token, UserChanges changes) {
        User user = of(token);
        checkAvailable(changes.email(), changes.username(), user.getId());
        if (changes.email() != null) {
            user.changeEmail(changes.email());
        }
        if (changes.username() != null) {
            user.rename(changes.username());
        }
        if (changes.password() != null) {
            user.changePasswordHash(hasher.hash(changes.password()));
        }
        user.describe(
                changes.name() == null ? user.getName() : emptyToNull(changes.name()),
                changes.bio() == null ? user.getBio() : emptyToNull(changes.bio()),
                changes.image() == null ? user.getImage() : emptyToNull(changes.image()));
        user.touch();
        try {
            em.flush();
        } catch (OptimisticLockException concurrentChange) {
            throw new ConcurrentUpdateException();
        } catch (PersistenceException lostRace) {
            throw session.getBusinessObject(Users.class).takenBy(changes.email(), changes.username());
        }
        return user;
    }

    /** Which of the two unique fields another user has, seen from a fresh transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public RuntimeException takenBy(String email, String username) {
        if (email != null && findByEmail(email).isPresent()) {
            return new EmailTakenException();
        }
        if (username != null && findByUsername(username).isPresent()) {
            return new UsernameTakenException();
        }
        return new ConcurrentUpdateException();
    }

    private void checkAvailable(String email, String username, Long self) {
        if (email != null && findByEmail(email).filter(other -> !other.getId().equals(self)).isPresent()) {
            throw new EmailTakenException();
        }
        if (username != null && findByUsername(username).filter(other -> !other.getId().equals(self)).isPresent()) {
            throw new UsernameTakenException();
        }
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
