package portcullis.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static portcullis.TestUsers.conduitLogin;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portcullis.Api;
import portcullis.Deployments;
import portcullis.Jwt;
import portcullis.PayaraMicroProcess;
import portcullis.Reply;
import portcullis.TestUsers;
import portcullis.TestUsers.Registered;

/**
 * Proof in the estate: a second Payara Micro runs a resource server that knows nothing of Portcullis but its JWKS URL
 * and issuer, and verifies Portcullis tokens with the container's own MicroProfile JWT, across a key rotation.
 */
@ExtendWith(ArquillianExtension.class)
public class EstateIT {
    private static final String ADMIN_EMAIL = "estate-admin@portcullis.test";
    private static final String ISSUER = "http://localhost:8080";

    @Deployment(testable = false)
    public static WebArchive portcullis() {
        return Deployments.builtWarConfiguredWith("""
                portcullis.keys.publish-lead=PT25S
                portcullis.keys.check-interval=PT1S
                portcullis.users.admin-emails=%s
                """.formatted(ADMIN_EMAIL));
    }

    @ArquillianResource
    URL base;

    @Test
    public void anMpJwtResourceServerAcceptsPortcullisTokensAcrossARotationAndRefusesForgeries() throws Exception {
        Api portcullis = new Api(base);
        Registered user = TestUsers.register(portcullis);
        String oldKid = Jwt.header(user.token()).getString("kid");
        String admin = TestUsers.registerOrLogIn(portcullis, ADMIN_EMAIL, "estate_admin", TestUsers.STRONG_PASSWORD).token();
        assertEquals(200, portcullis.post("admin/keys/rotate", "", "Authorization", "Token " + admin).status());

        try (PayaraMicroProcess resourceServer = startResourceServer()) {
            Api rs = new Api(resourceServer.base());

            Reply accepted = whoAmI(rs, user.token());
            assertEquals(200, accepted.status(), accepted::toString);
            assertEquals(user.email() + " user", accepted.body());
            assertEquals(401, whoAmI(rs, forgedLike(user.token())).status());
            assertEquals(401, whoAmI(rs, user.token() + "x").status());

            String newToken = awaitTokenSignedByAnotherKeyThan(portcullis, user, oldKid);
            assertNotEquals(oldKid, Jwt.header(newToken).getString("kid"));
            Reply afterRotation = whoAmI(rs, newToken);
            assertEquals(200, afterRotation.status(), "new-key token refused: " + afterRotation);
            assertEquals(200, whoAmI(rs, user.token()).status(), "old-key token refused after the rotation");
        }
    }

    private static Reply whoAmI(Api rs, String token) {
        return rs.send("GET", "../rs/whoami", null, null, "Authorization", "Bearer " + token);
    }

    private PayaraMicroProcess startResourceServer() throws Exception {
        Path target = Path.of(System.getProperty("portcullis.target", "target"));
        Path war = target.resolve("resource-server.war");
        String jwks = base.toURI().resolve("/.well-known/jwks.json").toString();
        ShrinkWrap.create(WebArchive.class, "resource-server.war")
                .addClasses(ResourceServerApplication.class, WhoAmIResource.class)
                .addAsResource(new StringAsset("mp.jwt.verify.publickey.location=" + jwks + "\n"
                        + "mp.jwt.verify.issuer=" + ISSUER + "\n"), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset("<beans bean-discovery-mode=\"all\"/>"), "beans.xml")
                .as(ZipExporter.class)
                .exportTo(war.toFile(), true);
        return PayaraMicroProcess.start(war, Files.createTempDirectory(target, "estate-rs-"), "estate-resource-server",
                Map.of(), "rs/whoami");
    }

    /** A token with the same header and claims, signed by a key Portcullis never had. */
    private static String forgedLike(String token) throws Exception {
        SignedJWT original = SignedJWT.parse(token);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(original.getHeader().getKeyID()).build(), original.getJWTClaimsSet());
        forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        return forged.serialize();
    }

    private static String awaitTokenSignedByAnotherKeyThan(Api portcullis, Registered user, String kid)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            String token = portcullis.post("users/login", conduitLogin(user.email(), user.password()))
                    .user().getString("token");
            if (!Jwt.header(token).getString("kid").equals(kid)) {
                return token;
            }
            Thread.sleep(1000);
        }
        assertNotNull(null, "the rotation did not complete within 60 s");
        return null;
    }
}
