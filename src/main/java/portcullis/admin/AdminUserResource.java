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
import jakarta.ws.rs.core.SecurityContext;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.revocation.RevocationList;
import portcullis.sessions.Sessions;
import portcullis.throttling.LoginThrottle;
import portcullis.tokens.Authenticated;
import portcullis.users.AccountDeletion;
import portcullis.users.NoSuchUserException;
import portcullis.users.User;
import portcullis.users.Users;

/**
 * One user, {@code /api/admin/users/{id}}: read ({@code GET}), delete ({@code DELETE}), set a new password
 * ({@code PUT …/password}), {@code POST …/disable} and {@code …/enable}, revoke all tokens
 * ({@code DELETE …/sessions} or {@code POST …/revoke-tokens}) or one ({@code DELETE …/sessions/{jti}}), lift
 * throttling
 * ({@code DELETE …/throttling}), grant or take away administrator standing ({@code PUT} and {@code DELETE
 * …/administrator}). Each is audited with the administrator as actor.
 */
@Path("admin/users/{id: [0-9]{1,18}}")
@ApplicationScoped
@Authenticated
@Admin
@Produces(MediaType.APPLICATION_JSON)
public class AdminUserResource {

    @Inject
    Users users;

    @Inject
    AccountDeletion deletion;

    @Inject
    Sessions sessions;

    @Inject
    RevocationList revocationList;

    @Inject
    LoginThrottle throttle;

    @Inject
    AdminUserViews views;

    @Inject
    AuditLog audit;

    @GET
    public OneUser read(@PathParam("id") long id) {
        return new OneUser(views.details(user(id)));
    }

    @DELETE
    public void delete(@PathParam("id") long id, @Context SecurityContext caller) {
        deletion.delete(id);
        audit.recordByAdmin(AuditEvent.ACCOUNT_DELETED, Caller.idOf(caller), String.valueOf(id), null);
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public void setPassword(@PathParam("id") long id, @NotNull(message = "can't be blank") @Valid NewPassword body,
            @Context SecurityContext caller) {
        users.setPassword(id, body.password());
        audit.recordByAdmin(AuditEvent.PASSWORD_SET, Caller.idOf(caller), String.valueOf(id), null);
    }

    @POST
    @Path("disable")
    public void disable(@PathParam("id") long id, @Context SecurityContext caller) {
        users.setDisabled(id, true);
        audit.recordByAdmin(AuditEvent.USER_DISABLED, Caller.idOf(caller), String.valueOf(id), null);
    }

    @POST
    @Path("enable")
    public void enable(@PathParam("id") long id, @Context SecurityContext caller) {
        users.setDisabled(id, false);
        audit.recordByAdmin(AuditEvent.USER_ENABLED, Caller.idOf(caller), String.valueOf(id), null);
    }

    @POST
    @Path("revoke-tokens")
    public void revokeTokens(@PathParam("id") long id, @Context SecurityContext caller) {
        revokeAll(id, caller);
    }

    @DELETE
    @Path("sessions")
    public void revokeAll(@PathParam("id") long id, @Context SecurityContext caller) {
        revocationList.revokeAllOf(user(id).subject());
        audit.recordByAdmin(AuditEvent.TOKENS_REVOKED, Caller.idOf(caller), String.valueOf(id), null);
    }

    @DELETE
    @Path("sessions/{jti: [A-Za-z0-9-]{1,64}}")
    public void revokeSession(@PathParam("id") long id, @PathParam("jti") String jti,
            @Context SecurityContext caller) {
        sessions.revoke(user(id).getId(), jti);
        audit.recordByAdmin(AuditEvent.SESSION_REVOKED, Caller.idOf(caller), String.valueOf(id), jti);
    }

    @PUT
    @Path("administrator")
    public void grantAdministrator(@PathParam("id") long id, @Context SecurityContext caller) {
        users.setAdministrator(id, true);
        audit.recordByAdmin(AuditEvent.ADMINISTRATOR_GRANTED, Caller.idOf(caller), String.valueOf(id), null);
    }

    @DELETE
    @Path("administrator")
    public void revokeAdministrator(@PathParam("id") long id, @Context SecurityContext caller) {
        users.setAdministrator(id, false);
        audit.recordByAdmin(AuditEvent.ADMINISTRATOR_REVOKED, Caller.idOf(caller), String.valueOf(id), null);
    }

    @DELETE
    @Path("throttling")
    public void liftThrottling(@PathParam("id") long id, @Context SecurityContext caller) {
        throttle.lift(user(id).getEmail());
        audit.recordByAdmin(AuditEvent.THROTTLING_LIFTED, Caller.idOf(caller), String.valueOf(id), null);
    }

    private User user(long id) {
        return users.findById(id).orElseThrow(NoSuchUserException::new);
    }

    /** {@code {"user":{...}}}. */
    public record OneUser(UserDetails user) {
    }
}
