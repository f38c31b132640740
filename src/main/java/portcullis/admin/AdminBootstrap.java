package portcullis.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.users.EmailTakenException;
import portcullis.users.User;
import portcullis.users.UsernameTakenException;
import portcullis.users.Users;

/**
 * The operator's first administrator, as Keycloak's bootstrap admin: when {@code portcullis.admin.bootstrap-email}
 * and {@code …-password} are set, the account is created at start-up, before the node serves anyone, as an
 * administrator. An account that already has that email is never made one (whoever registered it first may not be
 * the operator): it is left as it is, and the log says so. No outsider can race it, as nothing is served until it
 * is done, and no email grants anything later.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    Users users;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "portcullis.admin.bootstrap-email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "portcullis.admin.bootstrap-password")
    Optional<String> password;

    @PostConstruct
    void createFirstAdministrator() {
        if (email.isEmpty() || email.get().isBlank()) {
            return;
        }
        if (password.isEmpty() || password.get().isBlank()) {
            throw new IllegalStateException("portcullis.admin.bootstrap-email is set without"
                    + " portcullis.admin.bootstrap-password");
        }
        Optional<User> existing = users.findByEmail(email.get());
        if (existing.isEmpty()) {
            try {
                User created = register();
                audit.recordByAdmin(AuditEvent.ADMINISTRATOR_GRANTED, null, created.subject(), "bootstrap");
                LOG.info(() -> "Bootstrap administrator created: user " + created.subject());
                return;
            } catch (EmailTakenException createdMeanwhile) {
                existing = users.findByEmail(email.get()); // by another node starting at the same time
            }
        }
        existing.filter(user -> !user.isAdministrator()).ifPresent(user -> LOG.warning(() -> "The bootstrap email"
                + " belongs to user " + user.subject() + ", who is not an administrator: not made one. An"
                + " administrator can grant it (PUT /api/admin/users/" + user.subject() + "/administrator)."));
    }

    private User register() {
        String username = usernameOf(email.get());
        try {
            return users.registerAdministrator(email.get(), username, password.get());
        } catch (UsernameTakenException taken) {
            return users.registerAdministrator(email.get(), username + "_" + System.nanoTime() % 100_000,
                    password.get());
        }
    }

    /** The email's local part, as a username may spell it. */
    static String usernameOf(String email) {
        String local = email.strip();
        int at = local.indexOf('@');
        return (at > 0 ? local.substring(0, at) : local).replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
