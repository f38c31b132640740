package portcullis.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import portcullis.users.ConduitUser;

/**
 * Conduit login at {@code POST /api/users/login}, and at {@code /api/user/login}, the path the Conduit
 * "Authorization Token" document names in its heading.
 */
@Path("{collection: users?}/login")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ConduitLoginResource {

    @Inject
    Authenticator authenticator;

    @POST
    public ConduitUser login(@NotNull(message = "can't be blank") @Valid ConduitLogin body) {
        LoggedIn loggedIn = authenticator.logIn(body.user().email(), body.user().password());
        return ConduitUser.of(loggedIn.user(), loggedIn.token().compact());
    }
}
