package portcullis.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import portcullis.shadowaccounts.ManagedAccounts;
import portcullis.shadowaccounts.ManagedProfile;
import portcullis.shadowaccounts.MappedSignIn;
import portcullis.users.User;

/**
 * A login checked by the directory: search for the login name as the service account, then bind as the person
 * with the given password. An unknown name still costs a bind (to a DN that cannot exist), and a disabled person's
 * bind is made too, so that the three refusals take the same exchanges. A blank password never reaches the
 * directory: to many servers a bind with an empty password is an anonymous bind that "succeeds".
 */
@ApplicationScoped
public class DirectoryLogin {
    public static final String SOURCE = "directory";
    private static final Logger LOG = Logger.getLogger(DirectoryLogin.class.getName());

    @Inject
    Directory directory;

    @Inject
    DirectorySettings settings;


    @Inject
    DirectoryStatus status;

    @Inject
    ManagedAccounts accounts;

    @Inject
    MappedSignIn mappedSignIn;

    public boolean isOn() {
        return directory.isOn();
    }

    /** Whether the local order puts the directory first ({@code portcullis.directory.order=directory-first}). */
    public boolean goesFirst() {
        return directory.isOn() && settings.order() == DirectorySettings.Order.DIRECTORY_FIRST;
    }

    /** What the directory said of a login: accepted (with the account), refused, or it does not know the name. */
    public record Verdict(Optional<User> user, boolean known) {
        static final Verdict UNKNOWN = new Verdict(Optional.empty(), false);
        static final Verdict REFUSED = new Verdict(Optional.empty(), true);
    }

    /**
     * The person's account, created or refreshed from the directory, if the directory knows the login name, the
     * password is theirs and they are not disabled there. 503 when the directory does not answer.
     */
    public Verdict logIn(String login, String password) {
        if (login.isBlank() || password.isBlank() || login.indexOf('\u0000') >= 0) {
            return Verdict.REFUSED;
        }
        Optional<DirectoryEntry> found = directory.find(login.strip());
        if (found.isEmpty()) {
            directory.bindNobody(password);
            return Verdict.UNKNOWN;
        }
        DirectoryEntry entry = found.get();
        if (!directory.passwordMatches(entry.dn(), password) || entry.disabled()) {
            return Verdict.REFUSED;
        }
        if (entry.email() == null || entry.email().length() > 254 || entry.email().indexOf('@') < 1) {
            LOG.warning(() -> "Directory entry " + entry.dn() + " has no usable email (" + settings.emailAttribute()
                    + "): it cannot sign in");
            return Verdict.REFUSED;
        }
        User user = mappedSignIn.signIn(new ManagedProfile(SOURCE, entry.id(), entry.email(), entry.username(),
                entry.name(), entry.groups()), settings.groupMapping());
        return new Verdict(Optional.of(user), true);
    }

    /**
     * The exchanges of a refused directory login, for a refused login of a local account: a search for the name and
     * a bind to a DN that cannot exist (never to the person's own entry, so a local guess never counts against a
     * directory account). Without it, a refused local login would come back a search and a bind sooner than any
     * other, and tell which names are local accounts. Skipped while the directory is known to be down, and any
     * failure is ignored: local logins never wait for, or fail with, the directory.
     */
    public void imitateRefusal(String login, String password) {
        if (!directory.isOn() || !status.isUp()) {
            return;
        }
        try {
            directory.find(login.strip());
            directory.bindNobody(password);
        } catch (DirectoryUnavailableException ignored) {
            // the directory went away meanwhile: the local answer stands
        }
    }

    /**
     * A directory account as the directory describes it now, for renewal with a token and the periodic check: the
     * directory decides again, without a password, and the account's groups and mapped memberships follow it (a
     * lost group outdates the earlier tokens). Empty when the person is gone from the directory or disabled there.
     */
    public Optional<User> refresh(User user) {
        return accounts.externalIdOf(user.getId())
                .flatMap(directory::findById)
                .filter(entry -> !entry.disabled())
                .map(entry -> mappedSignIn.signIn(new ManagedProfile(SOURCE, entry.id(), entry.email(),
                        entry.username(), entry.name(), entry.groups()), settings.groupMapping()));
    }
}
