package portcullis.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokenTest {
    private static final String RAW = "header.payload.signature";

    private final VerifiedToken token = new VerifiedToken(RAW, "kid-1", new JWTClaimsSet.Builder()
            .issuer("https://portcullis.example")
            .subject("42")
            .audience("estate")
            .claim("upn", "jane@example.com")
            .claim("groups", List.of("user", "admin"))
            .jwtID("the-jti")
            .issueTime(new Date(1_700_000_000_000L))
            .expirationTime(new Date(1_700_000_060_000L))
            .build());

    @Test
    void timesAreEpochSecondsAsMicroProfileJwtSpecifies() {
        assertEquals(1_700_000_000L, token.getIssuedAtTime());
        assertEquals(1_700_000_060L, token.getExpirationTime());
    }

    @Test
    void groupsAndAudienceAreSets() {
        assertEquals(Set.of("user", "admin"), token.getGroups());
        assertEquals(Set.of("estate"), token.getAudience());
    }

    @Test
    void nameIsTheUpn() {
        assertEquals("jane@example.com", token.getName());
    }

    @Test
    void standardClaimsAreReadable() {
        assertEquals("https://portcullis.example", token.getIssuer());
        assertEquals("42", token.getSubject());
        assertEquals("the-jti", token.getTokenID());
        assertEquals(RAW, token.getRawToken());
        assertTrue(token.getClaimNames().contains("raw_token"));
    }

    @Test
    void toStringNamesTheTokenButNeverContainsIt() {
        assertTrue(token.toString().contains("the-jti"));
        assertFalse(token.toString().contains(RAW));
    }
}
