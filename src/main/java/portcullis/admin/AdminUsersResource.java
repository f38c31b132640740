package portcullis.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import portcullis.organisations.Organisations;
import portcullis.tokens.Authenticated;
import portcullis.users.ConduitRegistration;
import portcullis.users.User;
import portcullis.users.Users;

/**
 * {@code GET /api/admin/users?q=&organisation=&limit=&cursor=}: search, paged by cursor;
 * {@code POST /api/admin/users}: create a user (the password must pass the rules).
 */
@Path("admin/users")
@ApplicationScoped
@Authenticated
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {

    @Inject
    UserSearch search;

    @Inject
    Users users;

    @Inject
    Organisations organisations;

    @Inject
    AdminUserViews views;

    @Inject
    AuditLog audit;

    @GET
    public UserPage search(@QueryParam("q") String q, @QueryParam("organisation") String organisation,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String text = Paging.text(q, "q");
        String domain = Paging.text(organisation, "organisation") == null ? null
                : organisations.get(organisation).getDomain();
        int size = Paging.limit(limit);
        List<UserSummary> found = search.find(text, domain, Paging.numericKey(cursor, 0), size).stream()
                .map(UserSummary::of)
                .toList();
        String next = found.size() < size ? null : Paging.cursor(String.valueOf(found.get(found.size() - 1).id()));
        return new UserPage(found, next);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull(message = "can't be blank") @Valid ConduitRegistration body,
            @Context SecurityContext caller, @Context UriInfo uri) {
        ConduitRegistration.NewUser newUser = body.user();
        User user = users.register(newUser.email(), newUser.username(), newUser.password());
        audit.recordByAdmin(AuditEvent.USER_CREATED, Caller.idOf(caller), user.subject(), null);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(user.getId())).build())
                .entity(new AdminUserResource.OneUser(views.details(user)))
                .build();
    }

    /** {@code {"users":[...],"next":"<cursor>"}}; {@code next} is null on the last page. */
    public record UserPage(List<UserSummary> users, @JsonbNillable String next) {
    }
}
