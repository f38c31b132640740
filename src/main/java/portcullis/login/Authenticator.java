package portcullis.login;

import portcullis.throttling.TooManyAttemptsException;
import portcullis.metrics.Metrics;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.directory.DirectoryLogin;
import portcullis.directory.DirectoryUnavailableException;
import portcullis.integrations.Integrations;
import portcullis.requests.ClientAddress;
import portcullis.revocation.RevocationList;
import portcullis.throttling.RateLimits;
import portcullis.throttling.LoginThrottle;
import portcullis.tokens.TokenIssuer;
import portcullis.tokens.TokenKind;
import portcullis.users.PasswordHasher;
import portcullis.users.User;
import portcullis.users.UnknownUserException;
import portcullis.users.UserTokens;
import portcullis.users.Users;

/**
 * Logs users in with email and password, and re-authenticates them with a token. An unknown email, a wrong or empty
 * password and a disabled account get the same answer after the same work (one bcrypt check at the configured cost),
 * so neither the answer nor its timing tells them apart.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // bcrypt runs without holding a connection or a lock
public class Authenticator {

    @Inject
    Users users;

    @Inject
    PasswordHasher hasher;

    @Inject
    UserTokens userTokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    RateLimits rateLimit;

    @Inject
    ClientAddress clientAddress;

    @Inject
    AuditLog audit;

    @Inject
    Metrics metrics;

    @Inject
    Integrations integrations;

    @Inject
    DirectoryLogin directory;

    @Inject
    RevocationList revocations;

    public LoggedIn logIn(String email, String password) {
        long started = System.nanoTime();
        String outcome = "failure";
        try {
            LoggedIn loggedIn = checkPassword(email, password);
            outcome = "success";
            return loggedIn;
        } catch (TooManyAttemptsException throttled) {
            outcome = "throttled";
            throw throttled;
        } finally {
            metrics.login(outcome, System.nanoTime() - started);
        }
    }

    private LoggedIn checkPassword(String email, String password) {
        String login = email == null ? "" : email;
        String account = User.normalizeEmail(login);
        String candidate = password == null ? "" : password;
        String address = clientAddress.current();
        throttle.checkAllowed(account, address); // before any bind: the directory is never sprayed through us
        Optional<User> local = account.isEmpty() ? Optional.empty() : users.findByEmail(account);
        Optional<User> user = directory.goesFirst()
                ? directoryThenLocal(login, candidate, local)
                : localThenDirectory(login, candidate, local);
        if (user.isEmpty() || user.get().isDisabled()) {
            throttle.recordFailure(account, address);
            audit.record(AuditEvent.LOGIN, "failure", user.or(() -> local).map(User::subject).orElse(null), null);
            throw new InvalidCredentialsException();
        }
        throttle.recordSuccess(account, address);
        if (user.get().passwordNeedsRehash(hasher)) {
            users.rehash(user.get().getId(), candidate);
        }
        return issue(AuditEvent.LOGIN, user.get(), TokenKind.LOGIN);
    }

    /**
     * The default order: an account with a Portcullis password is checked here and nowhere else (so the directory
     * being down never stops it; a refusal only imitates the directory's exchanges); any other name, after the same
     * bcrypt work, goes to the directory if there is one.
     */
    private Optional<User> localThenDirectory(String login, String candidate, Optional<User> local) {
        Optional<User> accepted = checkLocally(candidate, local);
        if (accepted.isPresent() || !directory.isOn()) {
            return accepted;
        }
        if (hasOwnPassword(local)) {
            directory.imitateRefusal(login, candidate); // as long as a refused directory login
            return accepted;
        }
        return directory.logIn(login, candidate).user();
    }

    /**
     * {@code directory-first}: the directory decides every name it knows; a name it does not know, or any name while
     * it is down, falls back to the account with a Portcullis password, if there is one.
     */
    private Optional<User> directoryThenLocal(String login, String candidate, Optional<User> local) {
        DirectoryLogin.Verdict verdict;
        try {
            verdict = directory.logIn(login, candidate);
        } catch (DirectoryUnavailableException down) {
            if (!hasOwnPassword(local)) {
                throw down;
            }
            return checkLocally(candidate, local);
        }
        if (verdict.known()) {
            hasher.matchNothing(candidate); // the same bcrypt work as the local check below
            return verdict.user();
        }
        return checkLocally(candidate, local);
    }

    private Optional<User> checkLocally(String candidate, Optional<User> local) {
        if (local.isEmpty()) {
            hasher.matchNothing(candidate); // the same bcrypt work as a real check
            return Optional.empty();
        }
        return local.filter(user -> user.passwordMatches(candidate, hasher));
    }

    private static boolean hasOwnPassword(Optional<User> local) {
        return local.isPresent() && local.get().managedBy().isEmpty();
    }

    /**
     * A new token and the user's current data, for the caller of a verified token. An integration token gets a new
     * integration token for the same service, as long as the user has it enabled.
     */
    public LoggedIn reauthenticate(JsonWebToken token) {
        rateLimit.countReauthentication(token.getSubject());
        User user;
        try {
            user = users.of(token);
        } catch (UnknownUserException gone) {
            audit.record(AuditEvent.REAUTHENTICATION, "failure", token.getSubject(), token.getTokenID());
            throw gone;
        }
        if (user.managedBy().filter(DirectoryLogin.SOURCE::equals).isPresent() && directory.isOn()) {
            Optional<User> refreshed = directory.refresh(user); // its groups as the directory says now
            if (refreshed.isEmpty()) {
                revocations.revokeAllOf(user.subject()); // gone from the directory, or disabled there
                audit.record(AuditEvent.REAUTHENTICATION, "failure: not in the directory", user.subject(),
                        token.getTokenID());
                throw new UnknownUserException();
            }
            user = refreshed.get();
        }
        String integration = token.getClaim(TokenIssuer.AUTHORISED_PARTY);
        if (integration == null) {
            return issue(AuditEvent.REAUTHENTICATION, user, TokenKind.REAUTHENTICATION);
        }
        LoggedIn loggedIn = new LoggedIn(user, integrations.reissue(user, integration));
        audit.recordWithDetail(AuditEvent.REAUTHENTICATION, user.subject(), loggedIn.token().jti(), integration);
        return loggedIn;
    }

    private LoggedIn issue(AuditEvent event, User user, TokenKind kind) {
        LoggedIn loggedIn = new LoggedIn(user, userTokens.issueFor(user, kind));
        audit.record(event, "success", user.subject(), loggedIn.token().jti());
        return loggedIn;
    }
}
