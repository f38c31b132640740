package portcullis.users;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mindrot.jbcrypt.BCrypt;

/** bcrypt (jBCrypt) at the configured cost. */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    @ConfigProperty(name = "portcullis.users.bcrypt-cost")
    int cost;

    private String unmatchableHash;

    @PostConstruct
    void validateCost() {
        if (cost < 4 || cost > 31) {
            throw new IllegalStateException("portcullis.users.bcrypt-cost must be between 4 and 31, is " + cost);
        }
        unmatchableHash = hash(UUID.randomUUID().toString());
    }

    public String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    boolean matches(String candidate, String hash) {
        return BCrypt.checkpw(candidate, hash);
    }

    /**
     * Does the work of one password check that cannot succeed, so that a login for an unknown email takes as long as
     * one with a wrong password and response times do not reveal which emails exist.
     */
    public void matchNothing(String candidate) {
        BCrypt.checkpw(candidate, unmatchableHash);
    }
}
