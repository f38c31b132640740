package portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

/** Fresh accounts for tests: every test makes its own, so tests never depend on each other. */
public final class TestUsers {
    /** Strong enough for the password rules (zxcvbn score 4), and in no list of common passwords. */
    public static final String STRONG_PASSWORD = "Quokka-Turbine-Lantern-47";

    private TestUsers() {
    }

    public record Registered(long id, String email, String username, String password, String token) {
    }

    public static Registered register(Api api) {
        String unique = UUID.randomUUID().toString().substring(0, 12);
        return register(api, "user-" + unique + "@example.com", "user_" + unique, "pw-" + unique + "-secret");
    }

    public static Registered register(Api api, String email, String username, String password) {
        Reply reply = api.post("users", registration(email, username, password));
        assertEquals(201, reply.status(), reply::toString);
        return new Registered(reply.user().getJsonNumber("id").longValue(), reply.user().getString("email"),
                username, password, reply.user().getString("token"));
    }

    /**
     * A fixed account (an admin named in a deployment's configuration): registered on first use, logged in after,
     * as the test database outlives a test run.
     */
    public static Registered registerOrLogIn(Api api, String email, String username, String password) {
        Reply reply = api.post("users", registration(email, username, password));
        if (reply.status() != 201) {
            reply = api.post("users/login", conduitLogin(email, password));
        }
        assertEquals(true, reply.status() == 201 || reply.status() == 200, reply::toString);
        return new Registered(reply.user().getJsonNumber("id").longValue(), reply.user().getString("email"),
                username, password, reply.user().getString("token"));
    }

    /**
     * The {@code Authorization} header value of an administrator: the deployment's bootstrap administrator
     * ({@code portcullis.admin.bootstrap-email}, with {@link #STRONG_PASSWORD}), logged in.
     */
    public static String admin(Api api, String email) {
        String username = email.substring(0, email.indexOf('@')).replaceAll("[^A-Za-z0-9_]", "_");
        return "Token " + registerOrLogIn(api, email, username, STRONG_PASSWORD).token();
    }

    /**
     * The {@code Authorization} header value of a second administrator, {@code email}: registered (or logged in) and
     * granted administrator standing by the administrator {@code byAdmin}, then logged in again for a token with it.
     */
    public static String grantedAdministrator(Api api, String byAdmin, String email) {
        String username = email.substring(0, email.indexOf('@')).replaceAll("[^A-Za-z0-9_]", "_");
        Registered user = registerOrLogIn(api, email, username, STRONG_PASSWORD);
        Reply granted = api.put("admin/users/" + user.id() + "/administrator", "", "Authorization", byAdmin);
        assertEquals(204, granted.status(), granted::toString);
        return "Token " + registerOrLogIn(api, email, username, STRONG_PASSWORD).token();
    }

    public static String registration(String email, String username, String password) {
        return "{\"user\":{\"username\":\"" + username + "\",\"email\":\"" + email + "\",\"password\":\""
                + password + "\"}}";
    }

    public static String conduitLogin(String email, String password) {
        return "{\"user\":{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}}";
    }

    public static String edumapsLogin(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }
}
