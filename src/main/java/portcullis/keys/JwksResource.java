package portcullis.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /.well-known/jwks.json}: the public keys (next, active, retired-but-unexpired) any MicroProfile JWT or
 * OIDC resource server verifies Portcullis tokens with.
 */
@Path(".well-known/jwks.json")
@ApplicationScoped
public class JwksResource {
    @Inject
    KeyRing keyRing;

    @Inject
    @ConfigProperty(name = "portcullis.keys.publish-lead")
    Duration publishLead;

    /** How long verifiers may keep the set: also how long they may accept a key retired in an emergency. */
    @Inject
    @ConfigProperty(name = "portcullis.keys.jwks-max-age")
    Duration maxCache;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        CacheControl cache = new CacheControl();
        // A verifier must fetch the set again before a newly published key starts signing.
        long maxAge = Math.min(maxCache.toSeconds(), publishLead.toSeconds() / 2);
        cache.setMaxAge((int) maxAge);
        return Response.ok(keyRing.published().toString(true)).cacheControl(cache).build();
    }
}
