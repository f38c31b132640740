package portcullis.benchmark;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import portcullis.tokens.Authenticated;
import portcullis.users.ConduitUser;
import portcullis.users.NoSuchUserException;
import portcullis.users.Users;

/** Benchmark fixture, deployed only by the benchmark: endpoints to compare Portcullis's own against. */
@Path("bench")
@ApplicationScoped
public class BenchResource {
    /** As long as a Portcullis RS256 token, so that the answers weigh the same as GET /api/user's. */
    private static final String TOKEN_SIZED = "x".repeat(700);

    @Inject
    Users users;

    /** The work of GET /api/user (a user by id, the same JSON) without the token check. */
    @GET
    @Path("user/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ConduitUser user(@PathParam("id") long id) {
        return ConduitUser.of(users.findById(id).orElseThrow(NoSuchUserException::new), TOKEN_SIZED);
    }

    /** A protected endpoint doing nothing but naming the caller, as the resource server's whoami does. */
    @GET
    @Path("whoami")
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    public String whoAmI(@Context SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }
}
