package portcullis.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.keys.KeyRing;
import portcullis.keys.KeyStatus;
import portcullis.tokens.Authenticated;

/**
 * {@code GET /api/admin/keys}: the signing keys' states; {@code POST /api/admin/keys/rotate}: start a rotation;
 * {@code POST /api/admin/keys/{kid}/retire-now}: the emergency retirement of a leaked key.
 */
@Path("admin/keys")
@ApplicationScoped
@Authenticated
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminKeysResource {

    @Inject
    KeyRing keyRing;

    @Inject
    AuditLog audit;

    @GET
    public List<KeyStatus> keys() {
        keyRing.refresh();
        return keyRing.status();
    }

    /** The new key is published at once and signs after {@code portcullis.keys.publish-lead}. */
    @POST
    @Path("rotate")
    public List<KeyStatus> rotate(@Context SecurityContext caller) {
        List<KeyStatus> keys = keyRing.rotate();
        audit.recordByAdmin(AuditEvent.KEY_ROTATED, Caller.idOf(caller), null, null);
        return keys;
    }

    /** A leaked key: refused and unpublished on every node at once, and another key signs from now on. */
    @POST
    @Path("{kid: [A-Za-z0-9_-]{1,64}}/retire-now")
    public List<KeyStatus> retireNow(@PathParam("kid") String kid, @Context SecurityContext caller) {
        List<KeyStatus> keys = keyRing.retireNow(kid);
        audit.recordKeyRetired(kid, ((JsonWebToken) caller.getUserPrincipal()).getSubject());
        return keys;
    }
}
