package portcullis.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code GET /.well-known/openid-configuration}: issuer, key set location and signing algorithms. */
@Path(".well-known/openid-configuration")
@ApplicationScoped
public class OpenIdConfigurationResource {
    private static final List<String> CLAIMS = List.of("iss", "sub", "upn", "groups", "jti", "iat", "exp", "aud");

    @Inject
    KeyRing keyRing;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.issuer")
    String issuer;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public OpenIdConfiguration configuration() {
        List<String> algorithms = keyRing.published().getKeys().stream()
                .map(key -> key.getAlgorithm().getName())
                .distinct()
                .sorted()
                .toList();
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return new OpenIdConfiguration(issuer, base + "/.well-known/jwks.json", algorithms, List.of("public"), CLAIMS);
    }
}
