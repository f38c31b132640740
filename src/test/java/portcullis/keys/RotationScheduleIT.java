package portcullis.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import portcullis.Deployments;
import portcullis.time.TestTimeSource;

/**
 * The rotation schedule's decisions over a key's whole life, inside the server with a clock the test moves: a month
 * of rotation period, an hour of publish lead, sixty days of token lifetime, in seconds of test time.
 */
@ExtendWith(ArquillianExtension.class)
public class RotationScheduleIT {

    @Deployment
    public static WebArchive war() {
        return Deployments.builtWarWithTestInside("""
                portcullis.keys.rotation-period=P30D
                portcullis.keys.publish-lead=PT1H
                portcullis.tokens.lifetime=P60D
                portcullis.tokens.clock-leeway=PT60S
                portcullis.keys.check-interval=PT1H
                """, RotationScheduleIT.class);
    }

    @Inject
    SigningKeys signingKeys;

    @Inject
    KeyRing keyRing;

    @Inject
    TestTimeSource time;

    private Map<KeyState, List<String>> byState() {
        return signingKeys.maintain(false).stream().collect(Collectors.groupingBy(key -> key.status().state(),
                Collectors.mapping(key -> key.status().kid(), Collectors.toList())));
    }

    @Test
    public void aKeyIsPublishedAheadSignsForItsPeriodAndIsPublishedUntilItsLastTokenExpires() {
        Map<KeyState, List<String>> start = byState();
        assertEquals(1, start.get(KeyState.ACTIVE).size(), start::toString);
        String first = start.get(KeyState.ACTIVE).get(0);

        time.movable().advance(Duration.ofDays(30).minusHours(2));
        assertFalse(byState().containsKey(KeyState.NEXT), "more than the publish lead before the period ends");

        time.movable().advance(Duration.ofHours(1));
        Map<KeyState, List<String>> published = byState();
        assertEquals(List.of(first), published.get(KeyState.ACTIVE), "the first key still signs");
        String second = published.get(KeyState.NEXT).get(0);
        keyRing.refresh();
        assertTrue(keyRing.publishes(second), "the next key is published before it signs");
        assertEquals(first, keyRing.active().getKeyID());

        time.movable().advance(Duration.ofHours(1));
        Map<KeyState, List<String>> rotated = byState();
        assertEquals(List.of(second), rotated.get(KeyState.ACTIVE));
        assertEquals(List.of(first), rotated.get(KeyState.RETIRED), "still published: its tokens are valid");
        keyRing.refresh();
        assertEquals(second, keyRing.active().getKeyID());
        assertTrue(keyRing.publishes(first));

        time.movable().advance(Duration.ofDays(60));
        Map<KeyState, List<String>> later = byState();
        assertTrue(later.getOrDefault(KeyState.RETIRED, List.of()).contains(first), "60 days: a token may live on");
        time.movable().advance(Duration.ofSeconds(61));
        assertFalse(byState().values().stream().anyMatch(kids -> kids.contains(first)),
                "the last token it signed has expired (lifetime and leeway): gone");
    }
}
