package com.example.reports;

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
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** An organisation's reports, for its developers only; and who the caller is, for any user. */
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

    @GET
    @Path("me")
    @RolesAllowed("user")
    public String me() {
        return caller.getName() + " " + String.join(",", new TreeSet<>(caller.getGroups()));
    }

    /** Portcullis's {@code belongsTo} claim: the organisations' domains, a JSON array as MicroProfile JWT gives it. */
    private static List<String> organisationsOf(JsonWebToken caller) {
        Object claim = caller.getClaim("belongsTo");
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString::getString);
        }
        return claim instanceof Collection<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }
}
