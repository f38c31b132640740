package portcullis.organisations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import portcullis.tokens.TokenClaims;

/** Every token carries {@code belongsTo}: the domains of its user's organisations, so services need not call back. */
@ApplicationScoped
public class MembershipClaims implements TokenClaims {
    public static final String BELONGS_TO = "belongsTo";

    @Inject
    Organisations organisations;

    @Override
    public Map<String, Object> claimsFor(String subject) {
        return Map.of(BELONGS_TO, organisations.domainsOf(Long.parseLong(subject)));
    }
}
