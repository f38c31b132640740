package portcullis;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

@ApplicationPath("api")
public class RestApplication extends Application {

    /**
     * Jersey (Payara) would publish a WADL of every route, admin ones included, at {@code /api/application.wadl} and
     * answer OPTIONS with it. A plain property, not a Jersey import: RESTEasy (WildFly) ignores it and has no WADL.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
