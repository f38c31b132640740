package portcullis.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portcullis.testkit.PortcullisServer;

/**
 * The sample application beside the real Portcullis WAR (the kit's {@link PortcullisServer}), for what only the real
 * thing gives: a real registration and login, and the real key rotation (the next key published ahead), verified by
 * the application's own container MicroProfile JWT with nothing of Portcullis but its JWKS URL and issuer.
 */
@Tag("database-independent")
@Tag("slow")
@ExtendWith(ArquillianExtension.class)
public class RealPortcullisBesideIT {
    private static final String ADMIN = "sample-admin@portcullis.test";
    private static final String PASSWORD = "Quokka-Turbine-Lantern-47";
    private static PortcullisServer portcullis;

    @Deployment(testable = false)
    public static WebArchive app() {
        Path target = Path.of(System.getProperty("portcullis.target", "target"));
        portcullis = PortcullisServer.start(Path.of(System.getProperty("portcullis.war", "target/portcullis.war")),
                Path.of(System.getProperty("payara.micro.jar", "target/payara-micro.jar")),
                System.getProperty("payara.micro.options", ""), target,
                Map.of("portcullis.admin.bootstrap-email", ADMIN,
                "portcullis.admin.bootstrap-password", PASSWORD, "portcullis.users.bcrypt-cost", "4",
                        "portcullis.keys.publish-lead", "PT25S", "portcullis.keys.check-interval", "PT1S"));
        return SampleArchive.named("sample-beside.war")
                .addAsResource(new StringAsset(portcullis.mpJwtConfig()), "META-INF/microprofile-config.properties");
    }

    @AfterAll
    static void stopPortcullis() {
        portcullis.close();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> portcullis(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(portcullis.base().resolve("api/" + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String register(String email) throws Exception {
        String name = email.substring(0, email.indexOf('@')).replaceAll("[^a-z0-9]", "_");
        portcullis("POST", "users", "{\"user\":{\"email\":\"" + email + "\",\"username\":\"" + name
                + "\",\"password\":\"" + PASSWORD + "\"}}", null);
        return logIn(email);
    }

    private String logIn(String email) throws Exception {
        HttpResponse<String> login = portcullis("POST", "users/login", "{\"user\":{\"email\":\"" + email
                + "\",\"password\":\"" + PASSWORD + "\"}}", null);
        assertEquals(200, login.statusCode(), login::body);
        return Json.createReader(new StringReader(login.body())).readObject().getJsonObject("user").getString("token");
    }

    private HttpResponse<String> me(String token) throws Exception {
        String context = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + base.getPort() + context
                + "api/reports/me")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String kid(String token) {
        JsonObject header = Json.createReader(new StringReader(new String(Base64.getUrlDecoder()
                .decode(token.substring(0, token.indexOf('.')))))).readObject();
        return header.getString("kid");
    }

    @Test
    public void anIntegrationTokenMeantForAnotherServiceIsRefusedByTheEstateService() throws Exception {
        String admin = register(ADMIN);
        String service = "cal-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, portcullis("POST", "admin/integrations", "{\"integration\":{\"name\":\"" + service
                + "\",\"displayName\":\"Calendar\"}}", admin).statusCode());
        String user = register("integrated-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        HttpResponse<String> enabled = portcullis("POST", "user/integrations/" + service, "", user);
        assertEquals(200, enabled.statusCode(), enabled::body);
        String integrationToken = Json.createReader(new StringReader(enabled.body())).readObject().getString("token");

        assertEquals(401, me(integrationToken).statusCode(), "an estate service took another service's token");
        assertEquals(200, me(user).statusCode(), "the user's own token, whose audience is the estate");
    }

    @Test
    public void aRealLoginIsTrustedAcrossARealKeyRotation() throws Exception {
        String email = "beside-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String token = register(email);
        HttpResponse<String> accepted = me(token);
        assertEquals(200, accepted.statusCode(), accepted::body);
        assertEquals(email + " user", accepted.body());

        String admin = register(ADMIN);
        assertEquals(200, portcullis("POST", "admin/keys/rotate", "", admin).statusCode());
        String newToken = token;
        Instant deadline = Instant.now().plusSeconds(60);
        while (kid(newToken).equals(kid(token)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            newToken = logIn(email); // signed by the next key once it is active (publish lead 25 s)
        }
        assertNotEquals(kid(token), kid(newToken), "the rotation did not complete within 60 s");
        assertEquals(200, me(newToken).statusCode(), "a token of the new key");
        assertEquals(200, me(token).statusCode(), "a token of the old key, still published");
        assertEquals(401, me(token + "x").statusCode());
    }
}
