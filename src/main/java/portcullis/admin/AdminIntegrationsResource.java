package portcullis.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.integrations.Integration;
import portcullis.integrations.Integrations;
import portcullis.tokens.Authenticated;

/**
 * The integrations catalogue, {@code /api/admin/integrations}: list, create, rename ({@code PUT …/{name}}) and delete
 * ({@code DELETE …/{name}}: disabled for every user, every token it holds revoked on every node).
 */
@Path("admin/integrations")
@ApplicationScoped
@Authenticated
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminIntegrationsResource {
    private static final String NAME = "{name: [a-z0-9][a-z0-9-]{0,63}}";

    @Inject
    Integrations integrations;

    @Inject
    AuditLog audit;

    @GET
    public Catalogue list() {
        return new Catalogue(integrations.catalogue().stream().map(CatalogueEntry::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "can't be blank") @Valid IntegrationBody body,
            @Context SecurityContext caller, @Context UriInfo uri) {
        Integration created = integrations.create(body.integration().name(), body.integration().displayName());
        audit.recordByAdmin(AuditEvent.INTEGRATION_CREATED, Caller.idOf(caller), null, created.getName());
        return Response.created(uri.getAbsolutePathBuilder().path(created.getName()).build())
                .entity(new OneIntegration(CatalogueEntry.of(created)))
                .build();
    }

    @PUT
    @Path(NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    public OneIntegration rename(@PathParam("name") String name,
            @NotNull(message = "can't be blank") @Valid IntegrationBody body, @Context SecurityContext caller) {
        Integration renamed = integrations.rename(name, body.integration().displayName());
        audit.recordByAdmin(AuditEvent.INTEGRATION_CHANGED, Caller.idOf(caller), null, name);
        return new OneIntegration(CatalogueEntry.of(renamed));
    }

    @DELETE
    @Path(NAME)
    public void delete(@PathParam("name") String name, @Context SecurityContext caller) {
        int revoked = integrations.delete(name);
        audit.recordByAdmin(AuditEvent.INTEGRATION_DELETED, Caller.idOf(caller), null,
                name + ": " + revoked + " tokens revoked");
    }

    /** {@code {"integrations":[...]}}. */
    public record Catalogue(List<CatalogueEntry> integrations) {
    }

    /** {@code {"integration":{...}}}. */
    public record OneIntegration(CatalogueEntry integration) {
    }
}
