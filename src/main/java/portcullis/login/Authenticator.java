package portcullis.login;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import portcullis.users.PasswordHasher;
import portcullis.users.User;
import portcullis.users.Users;

/** Checks an email and password against the user store. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // bcrypt runs without holding a connection or a lock
public class Authenticator {
    private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());

    @Inject
    Users users;

    @Inject
    PasswordHasher hasher;

    public User authenticate(String email, String password) {
        Optional<User> user = users.findByEmail(email);
        if (user.isEmpty()) {
            // Unknown emails pay for one bcrypt check too, so response time does not reveal which emails exist.
            hasher.matchNothing(password);
            LOG.fine("Login refused: unknown email");
            throw new InvalidCredentialsException();
        }
        if (!user.get().passwordMatches(password, hasher)) {
            LOG.fine(() -> "Login refused: wrong password for user " + user.get().getId());
            throw new InvalidCredentialsException();
        }
        if (user.get().isDisabled()) {
            // Checked after the password, and answered alike, so that the answer does not reveal disabled accounts.
            LOG.fine(() -> "Login refused: user " + user.get().getId() + " is disabled");
            throw new InvalidCredentialsException();
        }
        return user.get();
    }
}
