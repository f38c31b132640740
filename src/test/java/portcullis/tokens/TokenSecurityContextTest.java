package portcullis.tokens;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenSecurityContextTest {
    private final VerifiedToken caller = new VerifiedToken("raw", "kid-1",
            new JWTClaimsSet.Builder().subject("7").claim("groups", List.of("user")).build());

    @Test
    void rolesAreTheTokensGroups() {
        TokenSecurityContext context = new TokenSecurityContext(caller, false);

        assertTrue(context.isUserInRole("user"));
        assertFalse(context.isUserInRole("admin"));
    }

    @Test
    void principalIsTheVerifiedToken() {
        assertSame(caller, new TokenSecurityContext(caller, true).getUserPrincipal());
    }
}
