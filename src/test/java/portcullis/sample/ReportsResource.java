package portcullis.sample;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An organisation's reports: for developers ({@code groups}) of that organisation ({@code belongsTo}) only; and who
 * the caller is, for any user.
 */
@Path("reports")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ReportsResource {

    @Inject
    JsonWebToken caller;

    @GET
    @Path("{domain}")
    @RolesAllowed("developer")
    public String reportsOf(@PathParam("domain") String domain) {
        if (!organisationsOf(caller).contains(domain)) {
            throw new ForbiddenException("not a member of " + domain);
        }
        return "reports of " + domain + " for " + caller.getName();
    }

    /** {@code belongsTo} as the container gives it: a JSON array (MicroProfile JWT's type for custom claims). */
    private static java.util.List<String> organisationsOf(JsonWebToken caller) {
        Object claim = caller.getClaim("belongsTo");
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString::getString);
        }
        return claim instanceof java.util.Collection<?> values ? values.stream().map(String::valueOf).toList()
                : java.util.List.of();
    }

    @GET
    @Path("me")
    @RolesAllowed("user")
    public String me() {
        return caller.getName() + " " + String.join(",", new java.util.TreeSet<>(caller.getGroups()));
    }
}
