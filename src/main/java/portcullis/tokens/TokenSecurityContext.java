package portcullis.tokens;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of a request, as proven by its token; roles are the token's {@code groups}. */
final class TokenSecurityContext implements SecurityContext {
    private final JsonWebToken caller;
    private final boolean secure;

    TokenSecurityContext(JsonWebToken caller, boolean secure) {
        this.caller = caller;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.getGroups() != null && caller.getGroups().contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
