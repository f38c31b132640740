package com.example.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portcullis.testkit.LoopbackClient;
import portcullis.testkit.MpJwtArchive;
import portcullis.testkit.PortcullisServer;

/**
 * The application beside the real Portcullis WAR, for what only the real thing gives: a real registration and login,
 * a real key rotation (the next key published ahead), and an integration token meant for another service.
 */
@ExtendWith(ArquillianExtension.class)
public class RealPortcullisIT {
    private static final String ADMIN = "admin@portcullis.test";
    private static final String PASSWORD = "Quokka-Turbine-Lantern-47";
    private static PortcullisServer portcullis;

    @Deployment(testable = false)
    public static WebArchive app() {
        Path target = Path.of(System.getProperty("test.target", "target"));
        portcullis = PortcullisServer.start(target.resolve("portcullis.war"), target.resolve("payara-micro.jar"),
                target, Map.of("portcullis.admin.bootstrap-email", ADMIN, "portcullis.admin.bootstrap-password",
                        PASSWORD, "portcullis.users.bcrypt-cost", "4", "portcullis.keys.publish-lead", "PT5S",
                        "portcullis.keys.check-interval", "PT1S"));
        return MpJwtArchive.named("reports-beside.war").addPackage(ReportsApplication.class.getPackage())
                .addAsResource(new StringAsset(portcullis.mpJwtConfig()), "META-INF/microprofile-config.properties");
    }

    @AfterAll
    static void stopPortcullis() {
        portcullis.close();
    }

    @ArquillianResource
    URL base;

    private HttpResponse<String> portcullis(String path, String json, String token) {
        LoopbackClient client = LoopbackClient.of(portcullis.base());
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri("api/" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Token " + token); // Portcullis's Conduit dialect
        }
        return client.send(request);
    }

    private String register(String email) {
        String name = email.substring(0, email.indexOf('@')).replaceAll("[^a-z0-9]", "_");
        portcullis("users", "{\"user\":{\"email\":\"" + email + "\",\"username\":\"" + name + "\",\"password\":\""
                + PASSWORD + "\"}}", null);
        return logIn(email);
    }

    private String logIn(String email) {
        HttpResponse<String> login = portcullis("users/login", "{\"user\":{\"email\":\"" + email
                + "\",\"password\":\"" + PASSWORD + "\"}}", null);
        assertEquals(200, login.statusCode(), login::body);
        return json(login.body()).getJsonObject("user").getString("token");
    }

    private HttpResponse<String> me(String token) {
        return LoopbackClient.of(base).get("api/reports/me", token);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String kid(String token) {
        return json(new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))))).getString("kid");
    }

    @Test
    public void anIntegrationTokenMeantForAnotherServiceIsRefused() {
        String admin = register(ADMIN);
        String service = "cal-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, portcullis("admin/integrations", "{\"integration\":{\"name\":\"" + service
                + "\",\"displayName\":\"Calendar\"}}", admin).statusCode());
        String user = register("integrated-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        HttpResponse<String> enabled = portcullis("user/integrations/" + service, "", user);
        assertEquals(200, enabled.statusCode(), enabled::body);

        assertEquals(401, me(json(enabled.body()).getString("token")).statusCode(),
                "the application took a token issued to another service");
        assertEquals(200, me(user).statusCode(), "the user's own token, whose audience is the estate");
    }

    @Test
    public void aRealLoginIsTrustedAcrossARealKeyRotation() throws InterruptedException {
        String email = "beside-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String token = register(email);
        HttpResponse<String> accepted = me(token);
        assertEquals(200, accepted.statusCode(), accepted::body);
        assertEquals(email + " user", accepted.body());

        assertEquals(200, portcullis("admin/keys/rotate", "", register(ADMIN)).statusCode());
        String newToken = token;
        Instant deadline = Instant.now().plusSeconds(60);
        while (kid(newToken).equals(kid(token)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            newToken = logIn(email); // signed by the next key once it is active (published 5 s ahead)
        }
        assertNotEquals(kid(token), kid(newToken), "the rotation did not complete within 60 s");
        assertEquals(200, me(newToken).statusCode(), "a token of the new key");
        assertEquals(200, me(token).statusCode(), "a token of the old key, still published");
        assertEquals(401, me(token + "x").statusCode());
    }
}
