package portcullis.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import portcullis.keys.KeyRing;
import portcullis.keys.KeyStatus;
import portcullis.tokens.Authenticated;

/** {@code GET /api/admin/keys}: the signing keys' states; {@code POST /api/admin/keys/rotate}: start a rotation. */
@Path("admin/keys")
@RequestScoped
@Authenticated
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminKeysResource {

    @Inject
    KeyRing keyRing;

    @GET
    public List<KeyStatus> keys() {
        keyRing.refresh();
        return keyRing.status();
    }

    /** The new key is published at once and signs after {@code portcullis.keys.publish-lead}. */
    @POST
    @Path("rotate")
    public List<KeyStatus> rotate() {
        return keyRing.rotate();
    }
}
