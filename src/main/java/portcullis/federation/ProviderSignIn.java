package portcullis.federation;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import portcullis.shadowaccounts.ManagedProfile;
import portcullis.shadowaccounts.MappedSignIn;
import portcullis.users.User;

/**
 * The person a provider's token names, signed in: the token verified, remembered against replay, the person found
 * by the provider's {@code sub} (or verified email) and their shadow account created or refreshed with what their
 * groups grant. The link from provider and {@code sub} to the account is made once, so an email changed at the
 * provider moves nobody onto another account (the change is refused with 409 if the email is another account's).
 */
@ApplicationScoped
class ProviderSignIn {
    private static final int MAX_GROUPS = 256;

    @Inject
    ProviderTokenVerifier verifier;

    @Inject
    ExchangedTokens exchanged;

    @Inject
    MappedSignIn mappedSignIn;

    @Inject
    FederationSettings settings;

    /** The token checked and its person signed in; the provider's name beside the account, for the audit line. */
    record SignedIn(User user, Provider provider) {
    }

    SignedIn signIn(ExchangeForm.SubjectToken subjectToken) {
        ProviderToken token = verifier.verify(subjectToken.token());
        ProviderTokenTypes.checkDeclared(token, subjectToken.type());
        ManagedProfile profile = profile(token);
        exchanged.remember(token, token.expiresAt().plus(settings.clockLeeway()));
        return new SignedIn(mappedSignIn.signIn(profile, token.provider().mapping()), token.provider());
    }

    /**
     * Email is required and must be verified by the provider, with either user claim: it becomes the account's
     * email, which organisations and administrators go by, so an address nobody proved is never taken on.
     */
    private static ManagedProfile profile(ProviderToken token) {
        JWTClaimsSet claims = token.claims();
        Provider provider = token.provider();
        String email = text(claims, "email");
        if (email == null || !verified(claims.getClaim("email_verified"))) {
            throw new ProviderTokenRefusedException("has no email the provider verified (email, email_verified)");
        }
        int at = email.lastIndexOf('@');
        if (email.length() > 254 || at < 1 || at == email.length() - 1 || email.indexOf('@') != at
                || email.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new ProviderTokenRefusedException("has an email Portcullis cannot use");
        }
        String subject = claims.getSubject();
        if (subject.isEmpty() || subject.length() > 255) {
            throw new ProviderTokenRefusedException("has a sub that is empty or longer than 255 characters");
        }
        String externalId = provider.userClaim() == Provider.UserClaim.SUB ? subject : User.normalizeEmail(email);
        return new ManagedProfile(provider.source(), externalId, email, text(claims, "preferred_username"),
                text(claims, "name"), groups(claims.getClaim(provider.groupsClaim())));
    }

    private static boolean verified(Object claim) {
        return Boolean.TRUE.equals(claim) || "true".equals(claim); // ADFS and some others send the string
    }

    private static String text(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String value && !value.isBlank() ? value : null;
    }

    /** The provider's group names: a list of strings (anything else in it is ignored), or one string. */
    private static Set<String> groups(Object claim) {
        if (claim instanceof String one) {
            return Set.of(one);
        }
        if (!(claim instanceof List<?> many)) {
            return Set.of();
        }
        return many.stream().filter(String.class::isInstance).map(String.class::cast).limit(MAX_GROUPS)
                .collect(Collectors.toUnmodifiableSet());
    }
}
