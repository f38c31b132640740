package portcullis.shadowaccounts;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import portcullis.revocation.RevocationList;
import portcullis.users.ConcurrentUpdateException;
import portcullis.users.UniqueKeyConflict;
import portcullis.users.User;
import portcullis.users.Users;

/**
 * Accounts whose password lives elsewhere (shadow accounts): created at the first sign-in of an outside identity,
 * linked to it once for good, refreshed at every later sign-in. They have no Portcullis password.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ManagedAccounts {
    private static final String USERNAME_UNSAFE = "[^\\p{L}\\p{N}_.-]";

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    RevocationList revocationList;

    @Resource
    SessionContext session;

    /**
     * The account of {@code profile}'s identity, created or refreshed; 409 if its email is another account's.
     * Concurrent first sign-ins of one person end in one account: the loser of the race finds the winner's link.
     */
    public User signIn(ManagedProfile profile) {
        for (int attempt = 1; ; attempt++) {
            Optional<User> linked = linkedAccount(profile.source(), profile.externalId());
            if (linked.isPresent()) {
                return refresh(linked.get(), profile);
            }
            if (users.findByEmail(profile.email()).isPresent()) {
                // Either another account's email, or this very person's account linked a moment ago by a
                // concurrent sign-in (between the look-up above and this one): look once more before refusing.
                return linkedAccount(profile.source(), profile.externalId())
                        .map(meanwhile -> refresh(meanwhile, profile))
                        .orElseThrow(ManagedAccountConflictException::new);
            }
            User created = User.managed(profile.source(), profile.email(), username(profile, null));
            created.describe(name(profile), null, null);
            created.grantGroups(profile.groups());
            try {
                return session.getBusinessObject(ManagedAccounts.class).create(created, profile);
            } catch (UniqueKeyConflict lostRace) {
                // a concurrent first sign-in linked the person, took the email or the username: look again
                if (attempt == 3) {
                    throw new ManagedAccountConflictException();
                }
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public User create(User user, ManagedProfile profile) {
        try {
            em.persist(user);
            em.flush();
            em.persist(new ExternalIdentity(profile.source(), profile.externalId(), user.getId()));
            em.flush();
            return user;
        } catch (PersistenceException constraintViolated) {
            throw new UniqueKeyConflict();
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<User> linkedAccount(String source, String externalId) {
        return Optional.ofNullable(em.find(ExternalIdentity.class, new ExternalIdentity.Key(source, externalId)))
                .flatMap(identity -> users.findById(identity.accountId()));
    }

    /** The outside ids linked to an account, such as its directory id. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> externalIdOf(long accountId) {
        return em.createNamedQuery(ExternalIdentity.OF_ACCOUNT, ExternalIdentity.class)
                .setParameter("accountId", accountId)
                .getResultStream()
                .map(ExternalIdentity::externalId)
                .findFirst();
    }

    /** An account and the outside id it is linked to. */
    public record Link(long accountId, String externalId) {
    }

    /** The accounts linked to {@code source}, in account order after {@code afterAccountId}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Link> linkedTo(String source, long afterAccountId, int limit) {
        return em.createNamedQuery(ExternalIdentity.OF_SOURCE, ExternalIdentity.class)
                .setParameter("source", source)
                .setParameter("after", afterAccountId)
                .setMaxResults(limit)
                .getResultStream()
                .map(identity -> new Link(identity.accountId(), identity.externalId()))
                .toList();
    }

    private User refresh(User user, ManagedProfile profile) {
        Set<String> before = user.grantedGroups();
        boolean changed = false;
        if (!user.getEmail().equals(User.normalizeEmail(profile.email()))) {
            if (users.findByEmail(profile.email()).isPresent()) {
                throw new ManagedAccountConflictException();
            }
            user.changeEmail(profile.email());
            changed = true;
        }
        String username = username(profile, user.getId());
        if (!user.getUsername().equals(username)) {
            user.rename(username);
            changed = true;
        }
        if (!Objects.equals(user.getName(), name(profile))) {
            user.describe(name(profile), user.getBio(), user.getImage());
            changed = true;
        }
        if (!before.equals(profile.groups())) {
            user.grantGroups(profile.groups());
            changed = true;
        }
        if (!changed) {
            return user;
        }
        user.touch();
        User stored;
        try {
            stored = users.store(user);
        } catch (UniqueKeyConflict | ConcurrentUpdateException raced) {
            return linkedAccount(profile.source(), profile.externalId()).orElseThrow(ConcurrentUpdateException::new);
        }
        if (!profile.groups().containsAll(before)) {
            revocationList.outdateAllOf(stored.subject()); // earlier tokens name groups the person has lost
        }
        return stored;
    }

    /** The outside name, cut to what an account holds (128 characters); none when blank. */
    private static String name(ManagedProfile profile) {
        if (profile.name() == null || profile.name().isBlank()) {
            return null;
        }
        String name = profile.name().strip();
        return name.length() <= 128 ? name : name.substring(0, 128);
    }

    /**
     * The outside name made into a username Portcullis accepts (letters, digits, {@code _.-}); if another account has
     * it, a suffix from a hash of the outside identity (the same for the same person, different for others), and
     * then a counter, keep it unique whatever the outside names and ids look like.
     */
    private String username(ManagedProfile profile, Long self) {
        String base = profile.username() == null || profile.username().isBlank()
                ? profile.email().substring(0, Math.max(1, profile.email().indexOf('@')))
                : profile.username();
        String safe = base.strip().replaceAll(USERNAME_UNSAFE, "_");
        safe = safe.substring(0, Math.min(safe.length(), 48));
        if (!users.usernameTaken(safe, self)) {
            return safe;
        }
        String suffixed = safe + "-" + identityHash(profile);
        for (int n = 2; users.usernameTaken(suffixed, self); n++) {
            suffixed = safe + "-" + identityHash(profile) + "-" + n;
        }
        return suffixed;
    }

    private static String identityHash(ManagedProfile profile) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((profile.source() + "\n" + profile.externalId())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
