package portcullis.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.tokens.Authenticated;

/** A user's own sessions: {@code GET /api/user/sessions} and {@code DELETE /api/user/sessions/{id}}. */
@Path("user/sessions")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    Sessions sessions;

    @Inject
    AuditLog audit;

    @GET
    public SessionList list(@Context SecurityContext caller) {
        JsonWebToken token = (JsonWebToken) caller.getUserPrincipal();
        return new SessionList(sessions.liveOf(Long.parseLong(token.getSubject()), token.getTokenID()));
    }

    @DELETE
    @Path("{id: [A-Za-z0-9-]{1,64}}")
    public void revoke(@PathParam("id") String id, @Context SecurityContext caller) {
        JsonWebToken token = (JsonWebToken) caller.getUserPrincipal();
        sessions.revoke(Long.parseLong(token.getSubject()), id);
        audit.record(AuditEvent.SESSION_REVOKED, "success", token.getSubject(), id);
    }

    /** {@code {"sessions":[...]}}. */
    public record SessionList(List<SessionView> sessions) {
    }
}
