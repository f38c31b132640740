package portcullis.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import portcullis.tokens.Authenticated;
import portcullis.tokens.IntegrationTokensAccepted;
import portcullis.tokens.TokenKind;

/**
 * The current user: {@code GET} and {@code PUT /api/user} (Conduit), and {@code DELETE /api/user} with the current
 * password (either dialect's body). An integration token may read the user, not change or delete them.
 */
@Path("user")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ConduitUserResource {

    @Inject
    Users users;

    @Inject
    UserTokens userTokens;

    @Inject
    AccountDeletion deletion;

    @GET
    @IntegrationTokensAccepted
    public ConduitUser current(@Context SecurityContext caller) {
        JsonWebToken token = (JsonWebToken) caller.getUserPrincipal();
        return ConduitUser.of(users.of(token), token.getRawToken());
    }

    /** Answers a fresh token: the old one names the old email, if that changed. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ConduitUser update(@NotNull(message = "can't be blank") @Valid ConduitUserUpdate body,
            @Context SecurityContext caller) {
        User user = users.update((JsonWebToken) caller.getUserPrincipal(), body.user().toChanges());
        return ConduitUser.of(user, userTokens.issueFor(user, TokenKind.REAUTHENTICATION).compact());
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    public void delete(@NotNull(message = "can't be blank") AccountDeletionConfirmation body,
            @Context SecurityContext caller) {
        deletion.deleteOwn((JsonWebToken) caller.getUserPrincipal(), body.givenPassword());
    }
}
