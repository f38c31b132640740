package portcullis.requests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of the client of the current request: the connection's peer. Behind a load balancer that is the
 * balancer, unless it preserves the client address (for example with the PROXY protocol); X-Forwarded-For is not
 * trusted, because any client can send it.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    HttpServletRequest request;

    public String current() {
        return request.getRemoteAddr();
    }
}
