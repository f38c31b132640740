package portcullis.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import portcullis.tokens.SignedToken;
import portcullis.tokens.TokenIssuer;
import portcullis.tokens.TokenKind;

/**
 * Issues a user's tokens, with the groups the user is in now: {@code user}, {@code admin} for accounts with
 * administrator standing, and the groups the directory's or a provider's mapping last granted. A token that carries
 * {@code admin} lives {@code portcullis.tokens.admin-lifetime} (hours), not the dialects' 60 days. An integration
 * token carries {@code user} alone: a third-party service never acts as an administrator.
 */
@ApplicationScoped
public class UserTokens {
    public static final String USER = "user";
    public static final String ADMIN = "admin";

    @Inject
    TokenIssuer tokenIssuer;

    @Inject
    @ConfigProperty(name = "portcullis.tokens.admin-lifetime")
    Duration adminLifetime;

    public SignedToken issueFor(User user, TokenKind kind) {
        Set<String> groups = new TreeSet<>(user.grantedGroups()); // from the directory's or a provider's mapping
        groups.add(USER);
        if (user.isAdministrator()) {
            groups.add(ADMIN);
        }
        if (groups.contains(ADMIN)) {
            return tokenIssuer.issue(user.tokenSubject(Set.copyOf(groups)), kind, adminLifetime);
        }
        return tokenIssuer.issue(user.tokenSubject(Set.copyOf(groups)), kind);
    }

    public SignedToken issueForIntegration(User user, String integration) {
        return tokenIssuer.issueForIntegration(user.tokenSubject(Set.of(USER)), integration);
    }
}
