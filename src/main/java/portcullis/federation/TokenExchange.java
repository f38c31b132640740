package portcullis.federation;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.callers.ClientAddress;
import portcullis.login.LoggedIn;
import portcullis.metrics.Metrics;
import portcullis.shadowaccounts.ManagedAccountConflictException;
import portcullis.throttling.LoginThrottle;
import portcullis.throttling.TooManyAttemptsException;
import portcullis.tokens.TokenKind;
import portcullis.users.User;
import portcullis.users.UserTokens;

/**
 * A provider's token exchanged for a Portcullis token, with what applies to every login: the client address's
 * throttling (refused exchanges count as failed logins there), the audit line, the session record of the token
 * issued, and a disabled account staying shut.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TokenExchange {

    @Inject
    ProviderSignIn providerSignIn;

    @Inject
    UserTokens userTokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    ClientAddress clientAddress;

    @Inject
    AuditLog audit;

    @Inject
    Metrics metrics;

    public LoggedIn exchange(ExchangeForm.SubjectToken subjectToken) {
        long started = System.nanoTime();
        String outcome = "failure";
        try {
            LoggedIn loggedIn = signIn(subjectToken);
            outcome = "success";
            return loggedIn;
        } catch (TooManyAttemptsException throttled) {
            outcome = "throttled";
            throw throttled;
        } finally {
            metrics.exchange(outcome, System.nanoTime() - started);
        }
    }

    private LoggedIn signIn(ExchangeForm.SubjectToken subjectToken) {
        String address = clientAddress.current();
        throttle.checkAddressAllowed(address);
        ProviderSignIn.SignedIn signedIn;
        try {
            signedIn = providerSignIn.signIn(subjectToken);
        } catch (ProviderTokenRefusedException refused) {
            throttle.recordAddressFailure(address);
            audit.record(AuditEvent.EXCHANGE, "failure: " + refused.getMessage(), null, null);
            throw refused;
        } catch (ManagedAccountConflictException emailTaken) {
            audit.record(AuditEvent.EXCHANGE, "failure: email is another account's", null, null);
            throw emailTaken;
        }
        User user = signedIn.user();
        if (user.isDisabled()) {
            audit.record(AuditEvent.EXCHANGE, "failure: account disabled", user.subject(), null);
            throw new ProviderTokenRefusedException("names a disabled account");
        }
        LoggedIn loggedIn = new LoggedIn(user, userTokens.issueFor(user, TokenKind.EXCHANGE));
        audit.recordWithDetail(AuditEvent.EXCHANGE, user.subject(), loggedIn.token().jti(),
                signedIn.provider().source());
        return loggedIn;
    }
}
