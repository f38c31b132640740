package portcullis.login;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.integrations.Integrations;
import portcullis.throttling.RateLimits;
import portcullis.tokens.TokenIssuer;
import portcullis.tokens.TokenKind;
import portcullis.users.UnknownUserException;
import portcullis.users.User;
import portcullis.users.Users;

/**
 * A new token and the user's current data, for the caller of a verified token ({@code POST /api/auth/token}). An
 * integration token gets a new integration token for the same service, as long as the user has it enabled.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Reauthenticator {

    @Inject
    RateLimits rateLimit;

    @Inject
    Users users;

    @Inject
    DirectoryStanding directoryStanding;

    @Inject
    Integrations integrations;

    @Inject
    LoginTokens loginTokens;

    @Inject
    AuditLog audit;

    public LoggedIn reauthenticate(JsonWebToken token) {
        rateLimit.countReauthentication(token.getSubject());
        User user;
        try {
            user = directoryStanding.current(users.of(token), token.getTokenID());
        } catch (UnknownUserException gone) {
            audit.record(AuditEvent.REAUTHENTICATION, "failure", token.getSubject(), token.getTokenID());
            throw gone;
        }
        String integration = token.getClaim(TokenIssuer.AUTHORISED_PARTY);
        if (integration == null) {
            return loginTokens.issue(AuditEvent.REAUTHENTICATION, user, TokenKind.REAUTHENTICATION);
        }
        LoggedIn loggedIn = new LoggedIn(user, integrations.reissue(user, integration));
        audit.recordWithDetail(AuditEvent.REAUTHENTICATION, user.subject(), loggedIn.token().jti(), integration);
        return loggedIn;
    }
}
