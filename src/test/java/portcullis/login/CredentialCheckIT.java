package portcullis.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mindrot.jbcrypt.BCrypt;
import portcullis.Deployments;
import portcullis.users.User;
import portcullis.users.Users;

/**
 * The credential check itself, inside the server: what the black-box tests cannot see — the stored hash — and the
 * EJB's answers as Java callers (other EJBs) get them: the application exception itself, never wrapped.
 */
@ExtendWith(ArquillianExtension.class)
public class CredentialCheckIT {
    private static final String PASSWORD = "Quokka-Turbine-Lantern-47";

    @Deployment
    public static WebArchive war() {
        return Deployments.builtWarWithTestInside("""
                portcullis.users.bcrypt-cost=5
                portcullis.throttling.account-failures=100
                portcullis.throttling.address-failures=100
                """, CredentialCheckIT.class);
    }

    @Inject
    Authenticator authenticator;

    @Inject
    Users users;

    @Resource(lookup = "jdbc/portcullis")
    DataSource database;

    private User register() {
        String name = "check" + UUID.randomUUID().toString().substring(0, 8);
        return users.register(name + "@example.com", name, PASSWORD);
    }

    private String storedHash(long id) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT password_hash FROM accounts WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private void storeHash(long id, String hash) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE accounts SET password_hash = ? WHERE id = ?")) {
            update.setString(1, hash);
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }

    @Test
    public void passwordsAreStoredAsBcryptOfTheConfiguredCostNeverAsThemselves() throws SQLException {
        User user = register();
        String hash = storedHash(user.getId());
        // v2: bcrypt of an HMAC of the password (so that passwords past bcrypt's 72 bytes are not cut)
        assertTrue(hash.startsWith("v2$$2a$05$"), hash.substring(0, 10));
        assertTrue(!hash.contains(PASSWORD) && !BCrypt.checkpw(PASSWORD, hash.substring(3)));
    }

    @Test
    public void aHashOfAnOlderSchemeAndCostIsReplacedAtTheNextSuccessfulLoginOnly() throws SQLException {
        User user = register();
        String older = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4)); // v1: plain bcrypt, cost 4
        storeHash(user.getId(), older);
        assertThrows(InvalidCredentialsException.class, () -> authenticator.logIn(user.getEmail(), "wrong password"));
        assertEquals(older, storedHash(user.getId()), "a failed login changes nothing");

        LoggedIn loggedIn = authenticator.logIn(user.getEmail(), PASSWORD);
        assertEquals(user.getId(), loggedIn.user().getId());
        String rehashed = storedHash(user.getId());
        assertTrue(rehashed.startsWith("v2$$2a$05$"), rehashed.substring(0, 10));
        assertEquals(user.getId(), authenticator.logIn(user.getEmail(), PASSWORD).user().getId());
    }

    @Test
    public void unknownWrongAndDisabledAreTheSameExceptionToJavaCallers() {
        User user = register();
        users.setDisabled(user.getId(), true);
        InvalidCredentialsException unknown = assertThrows(InvalidCredentialsException.class,
                () -> authenticator.logIn("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD));
        InvalidCredentialsException disabled = assertThrows(InvalidCredentialsException.class,
                () -> authenticator.logIn(user.getEmail(), PASSWORD));
        InvalidCredentialsException blank = assertThrows(InvalidCredentialsException.class,
                () -> authenticator.logIn(user.getEmail(), null));
        assertEquals(unknown.getMessage(), disabled.getMessage());
        assertEquals(unknown.getMessage(), blank.getMessage());
    }
}
