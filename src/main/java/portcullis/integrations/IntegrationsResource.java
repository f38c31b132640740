package portcullis.integrations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import portcullis.tokens.Authenticated;

/** The catalogue as a user sees it: {@code GET /api/integrations}, each service marked enabled or not. */
@Path("integrations")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationsResource {

    @Inject
    Integrations integrations;

    @GET
    public Catalogue catalogue(@Context SecurityContext caller) {
        long accountId = Long.parseLong(((JsonWebToken) caller.getUserPrincipal()).getSubject());
        Set<String> enabled = Set.copyOf(integrations.enabledBy(accountId));
        return new Catalogue(integrations.catalogue().stream()
                .map(integration -> IntegrationView.of(integration, enabled.contains(integration.getName())))
                .toList());
    }

    /** {@code {"integrations":[...]}}. */
    public record Catalogue(List<IntegrationView> integrations) {
    }
}
