package portcullis.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import portcullis.audit.AuditEvent;
import portcullis.audit.AuditLog;
import portcullis.directory.DirectoryLogin;
import portcullis.revocation.RevocationList;
import portcullis.users.UnknownUserException;
import portcullis.users.User;

/**
 * A directory user renewing a token is asked about again: their groups as the directory says now, and every token
 * of theirs revoked when they are gone from it or disabled there.
 */
@ApplicationScoped
public class DirectoryStanding {

    @Inject
    DirectoryLogin directory;

    @Inject
    RevocationList revocations;

    @Inject
    AuditLog audit;

    User current(User user, String jti) {
        if (user.managedBy().filter(DirectoryLogin.SOURCE::equals).isEmpty() || !directory.isOn()) {
            return user;
        }
        Optional<User> refreshed = directory.refresh(user);
        if (refreshed.isEmpty()) {
            revocations.revokeAllOf(user.subject());
            audit.record(AuditEvent.REAUTHENTICATION, "failure: not in the directory", user.subject(), jti);
            throw new UnknownUserException();
        }
        return refreshed.get();
    }
}
