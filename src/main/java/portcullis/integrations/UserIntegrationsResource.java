package portcullis.integrations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.tokens.Authenticated;
import portcullis.tokens.SignedToken;
import portcullis.users.User;
import portcullis.users.Users;

/**
 * A user's own integrations: {@code POST /api/user/integrations/{name}} enables the service and answers an
 * integration token for it; {@code DELETE} disables it and revokes every token the service holds for the user.
 */
@Path("user/integrations/{name: [a-z0-9][a-z0-9-]{0,63}}")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UserIntegrationsResource {

    @Inject
    Integrations integrations;

    @Inject
    Users users;

    @Inject
    AuditLog audit;

    @POST
    public Grant enable(@PathParam("name") String name, @Context SecurityContext caller) {
        User user = users.of((JsonWebToken) caller.getUserPrincipal());
        SignedToken token = integrations.enable(user, name);
        audit.recordWithDetail(AuditEvent.INTEGRATION_ENABLED, user.subject(), token.jti(), name);
        return new Grant(IntegrationView.of(integrations.get(name), true), token.compact());
    }

    @DELETE
    public void disable(@PathParam("name") String name, @Context SecurityContext caller) {
        String subject = ((JsonWebToken) caller.getUserPrincipal()).getSubject();
        int revoked = integrations.disable(Long.parseLong(subject), name);
        audit.recordWithDetail(AuditEvent.INTEGRATION_DISABLED, subject, null,
                name + ": " + revoked + " tokens revoked");
    }

    /** An enabled service and the token for the third-party app to keep. */
    public record Grant(IntegrationView integration, String token) {
    }
}
