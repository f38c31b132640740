package portcullis.estate;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * A resource server of the estate, for EstateIT only: it uses nothing of Portcullis, just the container's own
 * MicroProfile JWT, configured with Portcullis's JWKS URL and issuer.
 */
@ApplicationPath("rs")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles("user")
public class ResourceServerApplication extends Application {
}
