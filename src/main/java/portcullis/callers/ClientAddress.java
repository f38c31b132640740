package portcullis.callers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;

/**
 * The address of the client of the current request: the connection's peer, or, when the peer is a trusted proxy,
 * the address it forwarded ({@link TrustedProxies}).
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    HttpServletRequest request;

    @Inject
    TrustedProxies proxies;

    /** The address, or null outside a request (work done at start-up, such as the bootstrap administrator). */
    public String current() {
        try {
            return proxies.clientAddress(request.getRemoteAddr(),
                    Collections.list(request.getHeaders(proxies.header())));
        } catch (ContextNotActiveException | IllegalStateException noRequest) {
            return null; // Weld and WildFly say "no current request" with one of the two
        }
    }
}
