package portcullis.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.text.ParseException;
import java.util.Map;
import portcullis.keys.KeyRing;

/**
 * Test fixture, deployed only by the tests that need it: signs any header and claims with Portcullis's own active
 * key, so that a test proves a token is refused for the rule it breaks and not for a bad signature.
 * Body: {@code {"header":{...},"claims":{...}}}; {@code kid} defaults to the active key's.
 */
@Path("test/mint")
@RequestScoped
public class TokenMintResource {
    /** The users' audience of the servers this resource is added to (not the default, so that tests see it). */
    public static final String AUDIENCE = "https://estate.example";


    @Inject
    KeyRing keyRing;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    public String mint(String body) throws ParseException, JOSEException {
        Map<String, Object> request = JSONObjectUtils.parse(body);
        JWK key = keyRing.active();
        Map<String, Object> headerFields = JSONObjectUtils.getJSONObject(request, "header");
        headerFields.putIfAbsent("kid", key.getKeyID());
        JWSHeader header = JWSHeader.parse(headerFields);
        SignedJWT jwt = new SignedJWT(header,
                JWTClaimsSet.parse(JSONObjectUtils.getJSONObject(request, "claims")));
        jwt.sign(new DefaultJWSSignerFactory().createJWSSigner(key, header.getAlgorithm()));
        return jwt.serialize();
    }
}
