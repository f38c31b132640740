package portcullis.admin;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import portcullis.users.UserTokens;

/**
 * Lets only callers in the {@code admin} group through. Runs after the token filter; without a verified caller the
 * security context knows no roles, so an endpoint marked {@link Admin} but not authenticated stays closed.
 */
@Provider
@Admin
@Priority(Priorities.AUTHORIZATION)
public class AdminFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getSecurityContext().isUserInRole(UserTokens.ADMIN)) {
            throw new NotAdminException();
        }
    }
}
