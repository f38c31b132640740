package portcullis.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.revocation.RevocationList;
import portcullis.tokens.Authenticated;
import portcullis.users.NoSuchUserException;
import portcullis.users.User;
import portcullis.users.Users;

/** Administration of one user: {@code POST /api/admin/users/{id}/revoke-tokens}, {@code /disable}, {@code /enable}. */
@Path("admin/users/{id: [0-9]{1,18}}")
@RequestScoped
@Authenticated
@Admin
public class AdminUsersResource {

    @Inject
    Users users;

    @Inject
    RevocationList revocationList;

    @Inject
    AuditLog audit;

    @POST
    @Path("revoke-tokens")
    public void revokeTokens(@PathParam("id") long id) {
        User user = users.findById(id).orElseThrow(NoSuchUserException::new);
        revocationList.revokeAllOf(user.subject());
        audit.record(AuditEvent.TOKENS_REVOKED, "success", user.subject(), null);
    }

    @POST
    @Path("disable")
    public void disable(@PathParam("id") long id) {
        users.setDisabled(id, true);
        audit.record(AuditEvent.USER_DISABLED, "success", String.valueOf(id), null);
    }

    @POST
    @Path("enable")
    public void enable(@PathParam("id") long id) {
        users.setDisabled(id, false);
        audit.record(AuditEvent.USER_ENABLED, "success", String.valueOf(id), null);
    }
}
