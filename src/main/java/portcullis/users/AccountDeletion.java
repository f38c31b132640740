package portcullis.users;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.callers.ClientAddress;
import portcullis.revocation.RevocationList;
import portcullis.throttling.LoginThrottle;

/**
 * Deletes accounts with everything attached to them (memberships, enabled integrations and session records go with
 * the row, ON DELETE CASCADE), after revoking all their tokens. Ids are never reused, so a new account with the same
 * email is another subject: no old token, revocation or session applies to it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // bcrypt runs without holding a connection or a lock
public class AccountDeletion {

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    ClientAddress clientAddress;

    @Inject
    RevocationList revocationList;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext context;

    /**
     * The user deletes their own account, confirming with their password. A wrong one counts as a failed login of
     * the account (a stolen token cannot be used to guess the password faster than logins can).
     */
    public void deleteOwn(JsonWebToken token, String password) {
        User user = users.of(token);
        String address = clientAddress.current();
        throttle.checkAllowed(user.getEmail(), address);
        if (password == null || password.isEmpty() || !user.passwordMatches(password, hasher)) {
            throttle.recordFailure(user.getEmail(), address);
            audit.record(AuditEvent.ACCOUNT_DELETED, "failure: wrong password", user.subject(), token.getTokenID());
            throw new WrongPasswordException();
        }
        delete(user);
        audit.record(AuditEvent.ACCOUNT_DELETED, "success", user.subject(), token.getTokenID());
    }

    /** An administrator deletes the account {@code id}. */
    public void delete(long id) {
        delete(users.findById(id).orElseThrow(NoSuchUserException::new));
    }

    private void delete(User user) {
        // Tokens first: should the deletion fail, the account is still there but no token of it works.
        revocationList.revokeAllOf(user.subject());
        context.getBusinessObject(AccountDeletion.class).remove(user.getId());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void remove(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new NoSuchUserException(); // deleted meanwhile by another request
        }
        em.remove(user);
    }
}
