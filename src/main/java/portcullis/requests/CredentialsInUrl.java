package portcullis.requests;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * No endpoint takes a credential or a token from the query string: URLs end up in access logs, proxies and browser
 * history (RFC 6749, 3.2; RFC 8693, 2.1 put them in the body). Without this, a servlet container hands a form
 * endpoint the query's parameters as if they were the body's.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class CredentialsInUrl implements ContainerRequestFilter {
    private static final Set<String> CREDENTIALS = Set.of("password", "subject_token", "actor_token", "token",
            "access_token", "id_token", "refresh_token", "client_secret", "assertion", "code");

    @Override
    public void filter(ContainerRequestContext request) {
        request.getUriInfo().getQueryParameters().keySet().stream()
                .filter(name -> CREDENTIALS.contains(name.toLowerCase(java.util.Locale.ROOT)))
                .findFirst()
                .ifPresent(name -> {
                    throw new CredentialInUrlException(name);
                });
    }
}
