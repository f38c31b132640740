package portcullis.revocation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test fixture, deployed only by the tests that need it: whether a token's revocation is still stored. */
@Path("test/revoked-tokens/{jti}")
@RequestScoped
public class StoredRevocationsResource {

    @Inject
    Revocations revocations;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String stored(@PathParam("jti") String jti) {
        return String.valueOf(revocations.revokedTokenIds().contains(jti));
    }
}
