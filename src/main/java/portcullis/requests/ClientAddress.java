package portcullis.requests;

import jakarta.enterprise.context.ApplicationScoped;
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

    public String current() {
        return proxies.clientAddress(request.getRemoteAddr(),
                Collections.list(request.getHeaders(proxies.header())));
    }
}
