package portcullis.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import portcullis.callers.ClientAddress;
import portcullis.throttling.RateLimits;
import portcullis.tokens.TokenKind;

/** Conduit registration: {@code POST /api/users}. */
@Path("users")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ConduitUsersResource {

    @Inject
    Users users;

    @Inject
    UserTokens userTokens;

    @Inject
    RateLimits rateLimit;

    @Inject
    ClientAddress clientAddress;

    @POST
    public Response register(@NotNull(message = "can't be blank") @Valid ConduitRegistration body,
            @Context UriInfo uri) {
        ConduitRegistration.NewUser newUser = body.user();
        rateLimit.countRegistration(clientAddress.current());
        User user = users.register(newUser.email(), newUser.username(), newUser.password());
        return Response.created(uri.getBaseUriBuilder().path("user").build())
                .entity(ConduitUser.of(user, userTokens.issueFor(user, TokenKind.LOGIN).compact()))
                .build();
    }
}
