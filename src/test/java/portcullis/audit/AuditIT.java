package portcullis.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static portcullis.fixtures.TestUsers.conduitLogin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Deployments;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.servers.OwnServers;
import portcullis.servers.PayaraMicroProcess;

/** The audit lines a server writes, read from its log as an operator's log shipper would. */
@Tag("database-independent")
@OwnServers
public class AuditIT {

    @Test
    public void securityEventsLeaveOneJsonLineEachWithoutSecrets() throws Exception {
        Path target = Path.of(System.getProperty("portcullis.target", "target"));
        try (PayaraMicroProcess server = PayaraMicroProcess.start(Deployments.BUILT_WAR.toPath(),
                Files.createTempDirectory(target, "audit-it-"), "audit-it", Map.of(), "api/user")) {
            Api api = new Api(server.base());
            Registered user = TestUsers.register(api);
            api.post("users", TestUsers.registration(user.email(), "other", TestUsers.STRONG_PASSWORD));
            api.post("users/login", conduitLogin(user.email(), "wrong password"));
            String token = api.post("users/login", conduitLogin(user.email(), user.password())).user().getString("token");
            String reauthenticated = api.post("auth/token", "", "Authorisation", token).json().getString("token");
            api.post("auth/logout", "", "Authorization", "Token " + reauthenticated);
            for (int i = 0; i < 6; i++) {
                api.post("users/login", conduitLogin("throttled@example.com", "wrong password"));
            }

            Thread.sleep(500); // let the log catch up
            String log = server.log();
            List<JsonObject> audit = log.lines()
                    .filter(line -> line.contains("{\"audit\":"))
                    .map(line -> parse(line.substring(line.indexOf("{\"audit\":"))))
                    .toList();
            String id = String.valueOf(user.id());

            assertLine(audit, "registration", "success", id, null);
            assertTrue(audit.stream().anyMatch(line -> line.getString("audit").equals("registration")
                    && line.getString("outcome").startsWith("refused")), "refused registration");
            assertLine(audit, "login", "failure", id, null);
            assertLine(audit, "login", "success", id, Jwt.claims(token).getString("jti"));
            assertLine(audit, "reauthentication", "success", id, Jwt.claims(reauthenticated).getString("jti"));
            assertLine(audit, "logout", "success", id, Jwt.claims(reauthenticated).getString("jti"));
            assertLine(audit, "throttled", "login", null, null);
            assertTrue(audit.stream().allMatch(line -> line.getString("address").startsWith("127.")), "address");
            for (String secret : List.of(user.password(), "wrong password", token, reauthenticated, "$2a$")) {
                assertFalse(log.contains(secret), "a secret reached the log");
            }
        }
    }

    private static void assertLine(List<JsonObject> audit, String event, String outcome, String user, String jti) {
        assertTrue(audit.stream().anyMatch(line -> line.getString("audit").equals(event)
                        && line.getString("outcome").equals(outcome)
                        && (user == null || (!line.isNull("user") && line.getString("user").equals(user)))
                        && (jti == null || (!line.isNull("jti") && line.getString("jti").equals(jti)))),
                () -> "no audit line " + event + "/" + outcome + " in " + audit);
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json.substring(0, json.lastIndexOf('}') + 1)))) {
            return reader.readObject();
        }
    }
}
