package portcullis.login;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.callers.ClientAddress;
import portcullis.metrics.Metrics;
import portcullis.throttling.LoginThrottle;
import portcullis.throttling.TooManyAttemptsException;
import portcullis.tokens.TokenKind;
import portcullis.users.User;

/**
 * Logs users in with a login name and password. An unknown name, a wrong or empty password and a disabled account
 * get the same answer after the same work (one bcrypt check at the configured cost), so neither the answer nor its
 * timing tells them apart.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // bcrypt runs without holding a connection or a lock
public class Authenticator {

    @Inject
    PasswordCheck passwordCheck;

    @Inject
    LoginThrottle throttle;

    @Inject
    ClientAddress clientAddress;

    @Inject
    LoginTokens loginTokens;

    @Inject
    AuditLog audit;

    @Inject
    Metrics metrics;

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
        String address = clientAddress.current();
        throttle.checkAllowed(account, address); // before any bind: the directory is never sprayed through us
        PasswordCheck.Outcome checked = passwordCheck.check(login, account, password == null ? "" : password);
        Optional<User> user = checked.user();
        if (user.isEmpty() || user.get().isDisabled()) {
            throttle.recordFailure(account, address);
            audit.record(AuditEvent.LOGIN, "failure", user.or(checked::local).map(User::subject).orElse(null), null);
            throw new InvalidCredentialsException();
        }
        throttle.recordSuccess(account, address);
        return loginTokens.issue(AuditEvent.LOGIN, user.get(), TokenKind.LOGIN);
    }
}
