package portcullis.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.revocation.RevocationList;
import portcullis.tokens.Authenticated;
import portcullis.tokens.IntegrationTokensAccepted;

/** Logging out: {@code POST /api/auth/logout} revokes the presented token, {@code /logout/all} every token. */
@Path("auth/logout")
@ApplicationScoped
@Authenticated
public class LogoutResource {

    @Inject
    RevocationList revocationList;

    @Inject
    AuditLog audit;

    @POST
    @IntegrationTokensAccepted // a third-party service may give its own token up
    public void logout(@Context SecurityContext caller) {
        JsonWebToken token = (JsonWebToken) caller.getUserPrincipal();
        revocationList.revokeToken(token.getTokenID(), token.getSubject(),
                Instant.ofEpochSecond(token.getExpirationTime()));
        audit.record(AuditEvent.LOGOUT, "success", token.getSubject(), token.getTokenID());
    }

    @POST
    @Path("all")
    public void logoutEverywhere(@Context SecurityContext caller) {
        JsonWebToken token = (JsonWebToken) caller.getUserPrincipal();
        revocationList.revokeAllOf(token.getSubject());
        audit.record(AuditEvent.LOGOUT_EVERYWHERE, "success", token.getSubject(), token.getTokenID());
    }
}
