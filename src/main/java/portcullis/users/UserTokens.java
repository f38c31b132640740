package portcullis.users;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import portcullis.tokens.IssuedToken;
import portcullis.tokens.TokenIssuer;
import portcullis.tokens.TokenKind;

/**
 * Issues a user's tokens, with the groups the user is in: {@code user}, {@code admin} for configured admins, and the
 * groups the directory's mapping grants a directory user. An
 * integration token carries {@code user} alone: a third-party service never acts as an administrator.
 */
@ApplicationScoped
public class UserTokens {
    public static final String USER = "user";
    public static final String ADMIN = "admin";

    @Inject
    TokenIssuer tokenIssuer;

    @Inject
    Config config;

    private Set<String> adminEmails;

    @PostConstruct
    void readAdmins() {
        // A list-valued key; read through the Config API, as Payara cannot inject Optional<List<String>>.
        adminEmails = Set.copyOf(config.getOptionalValues("portcullis.users.admin-emails", String.class)
                .orElse(List.of())
                .stream()
                .map(User::normalizeEmail)
                .toList());
    }

    public IssuedToken issueFor(User user, TokenKind kind) {
        Set<String> groups = new TreeSet<>(user.grantedGroups()); // from the directory's group mapping
        groups.add(USER);
        if (adminEmails.contains(user.getEmail())) {
            groups.add(ADMIN);
        }
        return tokenIssuer.issue(user.tokenSubject(Set.copyOf(groups)), kind);
    }

    public IssuedToken issueForIntegration(User user, String integration) {
        return tokenIssuer.issueForIntegration(user.tokenSubject(Set.of(USER)), integration);
    }
}
