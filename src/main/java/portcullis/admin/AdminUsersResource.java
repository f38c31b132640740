package portcullis.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

    @POST
    @Path("revoke-tokens")
    public void revokeTokens(@PathParam("id") long id) {
        User user = users.findById(id).orElseThrow(NoSuchUserException::new);
        revocationList.revokeAllOf(user.subject());
    }

    @POST
    @Path("disable")
    public void disable(@PathParam("id") long id) {
        users.setDisabled(id, true);
    }

    @POST
    @Path("enable")
    public void enable(@PathParam("id") long id) {
        users.setDisabled(id, false);
    }
}
