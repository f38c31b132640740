package portcullis.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portcullis.Deployments;

/**
 * The in-memory revocation list catching up with what other nodes stored, inside the server: a revocation written to
 * the store behind this node's back (as another node writes it) is unknown here until the catch-up, and known after.
 * The catch-up timer is slowed to an hour so that only the test's own calls catch up.
 */
@ExtendWith(ArquillianExtension.class)
public class RevocationCatchUpIT {

    @Deployment
    public static WebArchive war() {
        return Deployments.builtWarWithTestInside("portcullis.revocation.sync-interval=PT1H\n",
                RevocationCatchUpIT.class);
    }

    @Inject
    RevocationList list;

    @Inject
    Revocations anotherNode; // the store itself: what another node's RevocationList writes through

    @Test
    public void aTokenRevokedByAnotherNodeIsRefusedAfterTheCatchUp() {
        String jti = UUID.randomUUID().toString();
        long issuedAt = Instant.now().getEpochSecond();
        list.catchUp();
        anotherNode.revokeToken(jti, "4101", Instant.now().plus(Duration.ofDays(1)));
        assertEquals(TokenStanding.VALID, list.standing(jti, "4101", issuedAt), "not caught up yet");
        list.catchUp();
        assertEquals(TokenStanding.REVOKED, list.standing(jti, "4101", issuedAt));
        assertEquals(TokenStanding.VALID, list.standing(UUID.randomUUID().toString(), "4101", issuedAt));
    }

    @Test
    public void aSubjectRevokedOrOutdatedByAnotherNodeIsCaughtUpByIssueTime() throws InterruptedException {
        long revokedThrough = Instant.now().getEpochSecond();
        list.catchUp();
        anotherNode.revokeThrough("4102", revokedThrough);
        anotherNode.outdateThrough("4103", revokedThrough);
        assertEquals(TokenStanding.VALID, list.standing("a", "4102", revokedThrough));
        list.catchUp();
        assertEquals(TokenStanding.REVOKED, list.standing("a", "4102", revokedThrough), "issued in that second");
        assertEquals(TokenStanding.VALID, list.standing("b", "4102", revokedThrough + 1), "issued after it");
        assertEquals(TokenStanding.OUTDATED, list.standing("c", "4103", revokedThrough));
        assertEquals(TokenStanding.VALID, list.standing("d", "4103", revokedThrough + 1));
    }

    @Test
    public void aDisableAndAnEnableByAnotherNodeArePickedUpInOrder() {
        long now = Instant.now().getEpochSecond();
        list.catchUp();
        anotherNode.disable("4104", true, now);
        list.catchUp();
        assertEquals(TokenStanding.REVOKED, list.standing("e", "4104", now + 60), "disabled: every token refused");
        anotherNode.disable("4104", false, now);
        list.catchUp();
        assertEquals(TokenStanding.VALID, list.standing("f", "4104", now + 60), "enabled again: later tokens valid");
    }
}
