package portcullis.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.tokens.TokenKind;
import portcullis.users.User;
import portcullis.users.UserTokens;

/** The token a successful login or re-authentication gets, with its audit event. */
@ApplicationScoped
public class LoginTokens {

    @Inject
    UserTokens userTokens;

    @Inject
    AuditLog audit;

    LoggedIn issue(AuditEvent event, User user, TokenKind kind) {
        LoggedIn loggedIn = new LoggedIn(user, userTokens.issueFor(user, kind));
        audit.record(event, "success", user.subject(), loggedIn.token().jti());
        return loggedIn;
    }
}
