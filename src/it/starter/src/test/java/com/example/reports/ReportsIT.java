package com.example.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portcullis.testkit.LoopbackClient;
import portcullis.testkit.MpJwtArchive;
import portcullis.testkit.TestIssuer;
import portcullis.testkit.TrustsTestIssuer;

/** The application from outside (Arquillian's client mode): tokens minted in one line, and the refusals it must make. */
@ExtendWith(ArquillianExtension.class)
@TrustsTestIssuer
public class ReportsIT {
    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final boolean WILDFLY = "wildfly".equals(System.getProperty("arquillian.launch"));

    @Deployment(testable = false)
    public static WebArchive app() {
        return MpJwtArchive.named("reports.war").addPackage(ReportsApplication.class.getPackage())
                .addAsResource("META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    private int get(String path, String token) {
        return LoopbackClient.of(base).get("api/" + path, token).statusCode();
    }

    @Test
    public void aDeveloperOfTheOrganisationReadsItsReports() {
        String token = ISSUER.token().email("ada@corp.example").groups("user", "developer").belongsTo("corp.example")
                .sign();
        assertEquals(200, get("reports/corp.example", token));
    }

    @Test
    public void aUserWhoIsNotADeveloperIsForbidden() {
        assertEquals(403, get("reports/corp.example", ISSUER.token().belongsTo("corp.example").sign()));
    }

    @Test
    public void aDeveloperOfAnotherOrganisationIsForbidden() {
        String token = ISSUER.token().groups("user", "developer").belongsTo("other.example").sign();
        assertEquals(403, get("reports/corp.example", token));
    }

    @Test
    public void noTokenIsRefused() {
        // Payara answers 401 (authentication needed), WildFly 403
        assertEquals(WILDFLY ? 403 : 401, get("reports/me", null));
    }

    @Test
    public void anExpiredTokenIsRefusedAndAnOldOneStillValidIsNot() {
        assertEquals(401, get("reports/me", ISSUER.token().expired(Duration.ofMinutes(5)).sign()));
        assertEquals(200, get("reports/me", ISSUER.token().issuedAt(Instant.now().minus(Duration.ofDays(59))).sign()),
                "issued 59 days ago, valid for 60");
    }

    @Test
    public void forgedUnsignedAndForeignTokensAreRefused() {
        assertEquals(401, get("reports/me", ISSUER.token().forged()));
        // WildFly's MP-JWT answers an unsigned token with a bare 500, Payara with 401: refused either way
        assertEquals(WILDFLY ? 500 : 401, get("reports/me", ISSUER.token().unsigned()));
        assertEquals(401, get("reports/me", ISSUER.token().hs256WithThePublicKey()));
        assertEquals(401, get("reports/me", ISSUER.token().issuer("https://elsewhere.example").sign()));
    }

    @Test
    public void aTokenForAnotherServiceOrForNoAudienceIsRefused() {
        // Like a Portcullis integration token: aud and azp name the service it was issued to
        assertEquals(401, get("reports/me", ISSUER.token().audience("calendar").claim("azp", "calendar").sign()));
        assertEquals(401, get("reports/me", ISSUER.token().audience().sign()));
        assertEquals(200, get("reports/me", ISSUER.token().sign()), "the default audience is Portcullis's");
    }

    @Test
    public void tokensOfTheNewKeyAndOfTheOldOneWorkAcrossARotation() {
        String before = ISSUER.token().sign();
        assertEquals(200, get("reports/me", before));
        ISSUER.rotateKeys(); // the next key, published all along, signs now; the old one stays published
        assertEquals(200, get("reports/me", ISSUER.token().sign()), "a token of the new key");
        assertEquals(200, get("reports/me", before), "a token of the old key, still published");
    }
}
