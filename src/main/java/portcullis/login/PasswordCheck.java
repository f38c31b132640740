package portcullis.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import portcullis.directory.DirectoryLogin;
import portcullis.directory.DirectoryUnavailableException;
import portcullis.users.PasswordHasher;
import portcullis.users.User;
import portcullis.users.Users;

/**
 * Whose password a login name and password are, locally or in the directory, in the configured order, with the same
 * bcrypt work whatever the outcome. A stored hash of another cost is replaced after a successful local check.
 */
@ApplicationScoped
public class PasswordCheck {

    @Inject
    Users users;

    @Inject
    PasswordHasher hasher;

    @Inject
    DirectoryLogin directory;

    /** What a check found: the user the password proves (if any), and the local account of that name (if any). */
    record Outcome(Optional<User> user, Optional<User> local) {
    }

    Outcome check(String login, String account, String candidate) {
        Optional<User> local = account.isEmpty() ? Optional.empty() : users.findByEmail(account);
        Optional<User> user = directory.goesFirst()
                ? directoryThenLocal(login, candidate, local)
                : localThenDirectory(login, candidate, local);
        user.filter(found -> !found.isDisabled() && found.passwordNeedsRehash(hasher))
                .ifPresent(found -> users.rehash(found.getId(), candidate));
        return new Outcome(user, local);
    }

    /**
     * The default order: an account with a Portcullis password is checked here and nowhere else (so the directory
     * being down never stops it; a refusal only imitates the directory's exchanges); any other name, after the same
     * bcrypt work, goes to the directory if there is one.
     */
    private Optional<User> localThenDirectory(String login, String candidate, Optional<User> local) {
        Optional<User> accepted = checkLocally(candidate, local);
        if (accepted.isPresent() || !directory.isOn()) {
            return accepted;
        }
        if (hasOwnPassword(local)) {
            directory.imitateRefusal(login, candidate); // as long as a refused directory login
            return accepted;
        }
        return directory.logIn(login, candidate).user();
    }

    /**
     * {@code directory-first}: the directory decides every name it knows; a name it does not know, or any name while
     * it is down, falls back to the account with a Portcullis password, if there is one.
     */
    private Optional<User> directoryThenLocal(String login, String candidate, Optional<User> local) {
        DirectoryLogin.Verdict verdict;
        try {
            verdict = directory.logIn(login, candidate);
        } catch (DirectoryUnavailableException down) {
            if (!hasOwnPassword(local)) {
                throw down;
            }
            return checkLocally(candidate, local);
        }
        if (verdict.known()) {
            hasher.matchNothing(candidate); // the same bcrypt work as the local check below
            return verdict.user();
        }
        return checkLocally(candidate, local);
    }

    private Optional<User> checkLocally(String candidate, Optional<User> local) {
        if (local.isEmpty()) {
            hasher.matchNothing(candidate); // the same bcrypt work as a real check
            return Optional.empty();
        }
        return local.filter(user -> user.passwordMatches(candidate, hasher));
    }

    private static boolean hasOwnPassword(Optional<User> local) {
        return local.isPresent() && local.get().managedBy().isEmpty();
    }
}
