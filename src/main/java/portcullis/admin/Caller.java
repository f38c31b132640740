package portcullis.admin;

import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The administrator making a request, by user id (the {@code actor} of the audit records). */
final class Caller {

    private Caller() {
    }

    static String idOf(SecurityContext caller) {
        return ((JsonWebToken) caller.getUserPrincipal()).getSubject();
    }
}
