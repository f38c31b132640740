package portcullis.federation;

import java.util.Locale;

/**
 * The kind of token the client says it exchanges ({@code subject_token_type}) against what the token says it is,
 * where it says so: a JOSE {@code typ} of {@code at+jwt} is an access token (RFC 9068), and Keycloak's {@code typ}
 * claim names {@code Bearer} (access) or {@code ID} tokens. A contradiction is refused; where the token says
 * nothing, both kinds are verified alike (issuer, audience naming Portcullis, signature, lifetime), so the declared
 * kind grants nothing either way.
 */
final class ProviderTokenTypes {

    private ProviderTokenTypes() {
    }

    static void checkDeclared(ProviderToken token, String declared) {
        boolean saysAccess = "at+jwt".equalsIgnoreCase(token.headerType())
                || "bearer".equals(typClaim(token));
        boolean saysId = "id".equals(typClaim(token));
        if (ExchangeForm.ID_TOKEN.equals(declared) && saysAccess) {
            throw new ProviderTokenRefusedException("is an access token, not the id_token its subject_token_type says");
        }
        if (ExchangeForm.ACCESS_TOKEN.equals(declared) && saysId) {
            throw new ProviderTokenRefusedException("is an ID token, not the access_token its subject_token_type says");
        }
    }

    private static String typClaim(ProviderToken token) {
        return token.claims().getClaim("typ") instanceof String typ ? typ.toLowerCase(Locale.ROOT) : null;
    }
}
