package portcullis.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import portcullis.integrations.Integrations;
import portcullis.organisations.Organisations;
import portcullis.tokens.Authenticated;
import portcullis.tokens.IntegrationTokensAccepted;
import portcullis.tokens.OutdatedTokensAccepted;

/**
 * The Edumaps dialect: login at {@code POST /api/auth/login} (and {@code /api/auth/local}, the path of the seed's
 * curl example), as JSON or form-encoded, and re-authentication at {@code POST /api/auth/token}.
 */
@Path("auth")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class EdumapsAuthResource {
    private static final String LOGIN = "{path: login|local}";

    @Inject
    Authenticator authenticator;

    @Inject
    Reauthenticator reauthenticator;

    @Inject
    Organisations organisations;

    @Inject
    Integrations integrations;

    @POST
    @Path(LOGIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public EdumapsSession login(@NotNull(message = "can't be blank") EdumapsLogin body) {
        return answer(authenticator.logIn(body.email(), body.password()));
    }

    @POST
    @Path(LOGIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public EdumapsSession loginWithForm(@FormParam("email") String email, @FormParam("password") String password) {
        return answer(authenticator.logIn(email, password));
    }

    /**
     * A new token and the user's current data, re-read from the store; also for a token whose claims are outdated
     * (a removed membership), and for an integration token (which gets a new one for its service).
     */
    @POST
    @Path("token")
    @Authenticated
    @IntegrationTokensAccepted
    @OutdatedTokensAccepted
    public EdumapsSession reauthenticate(@Context SecurityContext caller) {
        return answer(reauthenticator.reauthenticate((JsonWebToken) caller.getUserPrincipal()));
    }

    private EdumapsSession answer(LoggedIn loggedIn) {
        long id = loggedIn.user().getId();
        return EdumapsSession.of(loggedIn, organisations.domainsOf(id), integrations.enabledBy(id));
    }
}
