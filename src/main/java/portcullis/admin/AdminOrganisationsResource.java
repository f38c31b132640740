package portcullis.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.organisations.Organisation;
import portcullis.organisations.Organisations;
import portcullis.tokens.Authenticated;
import portcullis.users.Users;

/**
 * Organisations and memberships, {@code /api/admin/organisations}: list and create; one organisation by domain
 * (read, rename, delete); its members (list; {@code PUT} or {@code DELETE …/members/{userId}}). Removing a
 * membership, or the organisation, outdates the members' tokens (their {@code belongsTo} names it).
 */
@Path("admin/organisations")
@ApplicationScoped
@Authenticated
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminOrganisationsResource {
    private static final String DOMAIN = "{domain: [^/]{1,253}}";

    @Inject
    Organisations organisations;

    @Inject
    Users users;

    @Inject
    AuditLog audit;

    @GET
    public OrganisationPage list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Paging.limit(limit);
        String after = Paging.key(cursor);
        List<OrganisationView> page = organisations.page(after == null ? "" : after, size).stream()
                .map(this::view)
                .toList();
        String next = page.size() < size ? null : Paging.cursor(page.get(page.size() - 1).domain());
        return new OrganisationPage(page, next);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "can't be blank") @Valid OrganisationBody body,
            @Context SecurityContext caller, @Context UriInfo uri) {
        Organisation created = organisations.create(body.organisation().domain(), body.organisation().name());
        audit.recordByAdmin(AuditEvent.ORGANISATION_CREATED, Caller.idOf(caller), null, created.getDomain());
        return Response.created(uri.getAbsolutePathBuilder().path(created.getDomain()).build())
                .entity(new OneOrganisation(OrganisationView.of(created, 0)))
                .build();
    }

    @GET
    @Path(DOMAIN)
    public OneOrganisation read(@PathParam("domain") String domain) {
        return new OneOrganisation(view(organisations.get(domain)));
    }

    @PUT
    @Path(DOMAIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public OneOrganisation rename(@PathParam("domain") String domain,
            @NotNull(message = "can't be blank") @Valid OrganisationBody body, @Context SecurityContext caller) {
        Organisation renamed = organisations.rename(domain, body.organisation().name());
        audit.recordByAdmin(AuditEvent.ORGANISATION_CHANGED, Caller.idOf(caller), null, renamed.getDomain());
        return new OneOrganisation(view(renamed));
    }

    @DELETE
    @Path(DOMAIN)
    public void delete(@PathParam("domain") String domain, @Context SecurityContext caller) {
        String normalised = organisations.get(domain).getDomain();
        organisations.delete(normalised);
        audit.recordByAdmin(AuditEvent.ORGANISATION_DELETED, Caller.idOf(caller), null, normalised);
    }

    @GET
    @Path(DOMAIN + "/members")
    public AdminUsersResource.UserPage members(@PathParam("domain") String domain,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Paging.limit(limit);
        List<Long> ids = organisations.memberIds(domain, Paging.numericKey(cursor, 0), size);
        List<UserSummary> members = ids.stream()
                .flatMap(id -> users.findById(id).stream())
                .map(UserSummary::of)
                .toList();
        String next = ids.size() < size ? null : Paging.cursor(String.valueOf(ids.get(ids.size() - 1)));
        return new AdminUsersResource.UserPage(members, next);
    }

    @PUT
    @Path(DOMAIN + "/members/{userId: [0-9]{1,18}}")
    public Response addMember(@PathParam("domain") String domain, @PathParam("userId") long userId,
            @Context SecurityContext caller) {
        boolean added = organisations.addMember(domain, userId);
        if (added) {
            audit.recordByAdmin(AuditEvent.MEMBERSHIP_ADDED, Caller.idOf(caller), String.valueOf(userId),
                    organisations.get(domain).getDomain());
        }
        return Response.status(added ? Response.Status.CREATED : Response.Status.NO_CONTENT).build();
    }

    @DELETE
    @Path(DOMAIN + "/members/{userId: [0-9]{1,18}}")
    public void removeMember(@PathParam("domain") String domain, @PathParam("userId") long userId,
            @Context SecurityContext caller) {
        organisations.removeMember(domain, userId);
        audit.recordByAdmin(AuditEvent.MEMBERSHIP_REMOVED, Caller.idOf(caller), String.valueOf(userId),
                organisations.get(domain).getDomain());
    }

    private OrganisationView view(Organisation organisation) {
        return OrganisationView.of(organisation, organisations.memberCount(organisation));
    }

    /** {@code {"organisations":[...],"next":"<cursor>"}}. */
    public record OrganisationPage(List<OrganisationView> organisations, @JsonbNillable String next) {
    }

    /** {@code {"organisation":{...}}}. */
    public record OneOrganisation(OrganisationView organisation) {
    }
}
