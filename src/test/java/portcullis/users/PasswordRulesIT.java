package portcullis.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static portcullis.fixtures.TestUsers.conduitLogin;
import static portcullis.fixtures.TestUsers.registration;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/** What a password must be, and that every character of it counts. */
@Tag("database-independent")
@SharedServer
public class PasswordRulesIT {
    Api api;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 12);
    }

    private Reply register(String email, String username, String password) {
        return api.post("users", registration(email, username, password));
    }

    private static void assertRefusedPassword(Reply reply, String reason) {
        assertEquals(422, reply.status(), reply::toString);
        assertEquals(reason, reply.json().getJsonObject("errors").getJsonArray("password").getString(0));
    }

    @Test
    public void aPasswordOfFewerThanEightCharactersIsRefused() {
        String id = unique();
        assertRefusedPassword(register(id + "@example.com", "u" + id, "Zq#8v!k"),
                "is too short (minimum is 8 characters)");
    }

    @Test
    public void lengthIsCountedInCharactersNotBytes() {
        String id = unique();
        // Seven characters, fourteen bytes in UTF-8: still too short.
        assertRefusedPassword(register(id + "@example.com", "u" + id, "ŻółćĘśą"),
                "is too short (minimum is 8 characters)");
    }

    @Test
    public void commonPasswordsAreRefused() {
        for (String common : new String[] {"password123", "qwertyuiop", "iloveyou1", "Password1!"}) {
            String id = unique();
            assertRefusedPassword(register(id + "@example.com", "u" + id, common), "is too common or too easy to guess");
        }
    }

    @Test
    public void thePasswordMayNotBeTheEmailOrTheUsername() {
        String id = unique();
        String email = "long-address-" + id + "@example.com";
        String username = "a_long_username_" + id;
        assertRefusedPassword(register(email, username, email.toUpperCase()), "must not be your email or username");
        assertRefusedPassword(register(email, username, username), "must not be your email or username");
    }

    @Test
    public void aLongNonAsciiPasswordWorksAndEveryCharacterCounts() {
        String id = unique();
        // 64 characters, 128 bytes in UTF-8: plain bcrypt would read only the first 72 bytes.
        String password = "ÄÖÜäöüßéèêëàâçñø".repeat(4);
        assertEquals(128, password.getBytes(StandardCharsets.UTF_8).length);
        String differsAtTheEnd = password.substring(0, 63) + "x";
        Reply registered = register(id + "@example.com", "u" + id, password);
        assertEquals(201, registered.status(), registered::toString);

        assertEquals(200, api.post("users/login", conduitLogin(id + "@example.com", password)).status());
        assertEquals(401, api.post("users/login", conduitLogin(id + "@example.com", differsAtTheEnd)).status());
    }

    @Test
    public void passwordsAreComparedAfterUnicodeNormalisation() {
        String id = unique();
        String fullWidth = "Ｑｕｏｋｋａ－Ｔｕｒｂｉｎｅ－４７"; // NFKC: "Quokka-Turbine-47"
        assertEquals(201, register(id + "@example.com", "u" + id, fullWidth).status());

        assertEquals(200, api.post("users/login", conduitLogin(id + "@example.com", "Quokka-Turbine-47")).status());
    }

    @Test
    public void aWeakNewPasswordIsRefusedOnUpdateAndTheOldOneStays() {
        Registered user = TestUsers.register(api);

        Reply reply = api.put("user", "{\"user\":{\"password\":\"letmein\"}}", "Authorization", "Token " + user.token());

        assertRefusedPassword(reply, "is too short (minimum is 8 characters)");
        assertEquals(200, api.post("users/login", conduitLogin(user.email(), user.password())).status());
    }
}
