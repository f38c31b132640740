package portcullis.callers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

public class TrustedProxiesTest {

    private static TrustedProxies trusting(String header, String... ranges) {
        TrustedProxies proxies = new TrustedProxies();
        proxies.configure(List.of(ranges), header);
        return proxies;
    }

    private static final TrustedProxies BALANCERS =
            trusting("X-Forwarded-For", "10.0.0.0/8", "2001:db8:ffff::/48", "192.0.2.1");

    @Test
    public void withoutTrustedProxiesTheHeaderIsIgnored() {
        TrustedProxies none = trusting("X-Forwarded-For");
        assertEquals("10.1.1.1", none.clientAddress("10.1.1.1", List.of("203.0.113.9")));
    }

    @Test
    public void aPeerThatIsNoTrustedProxyIsTheClientWhateverItSends() {
        assertEquals("198.51.100.7", BALANCERS.clientAddress("198.51.100.7", List.of("203.0.113.9")));
    }

    @Test
    public void theClientIsTheRightMostAddressThatIsNoTrustedProxy() {
        assertEquals("203.0.113.9",
                BALANCERS.clientAddress("10.0.0.2", List.of("198.51.100.66, 203.0.113.9, 10.0.0.5")));
    }

    @Test
    public void aClientCannotPrependItsWayToAnotherAddress() {
        // The client wrote "1.2.3.4"; the balancer appended the address it really came from.
        assertEquals("203.0.113.9", BALANCERS.clientAddress("10.0.0.2", List.of("1.2.3.4, 203.0.113.9")));
    }

    @Test
    public void severalHeaderLinesAreOneChainInTheirOrder() {
        assertEquals("203.0.113.9", BALANCERS.clientAddress("10.0.0.2", List.of("1.2.3.4", "203.0.113.9")));
    }

    @Test
    public void anUnreadableHopEndsTheWalkAtTheLastTrustedProxy() {
        assertEquals("10.0.0.5", BALANCERS.clientAddress("10.0.0.2", List.of("203.0.113.9, evil.example, 10.0.0.5")));
        assertEquals("10.0.0.2", BALANCERS.clientAddress("10.0.0.2", List.of("")));
        assertEquals("10.0.0.2", BALANCERS.clientAddress("10.0.0.2", List.of("unknown")));
        assertEquals("10.0.0.2", BALANCERS.clientAddress("10.0.0.2", List.of("999.1.1.1")));
        assertEquals("10.0.0.2", BALANCERS.clientAddress("10.0.0.2", List.of("localhost")));
        assertEquals("10.0.0.2", BALANCERS.clientAddress("10.0.0.2", List.of("010.1.1.1")));
    }

    @Test
    public void anOversizedChainIsReadNoFurtherThanItsLastHops() {
        String padded = "203.0.113.1, " + "10.0.0.9, ".repeat(5_000) + "10.0.0.7";
        assertEquals("10.0.0.9", BALANCERS.clientAddress("10.0.0.2", List.of(padded)));
    }

    @Test
    public void everyHopTrustedMeansTheLeftMostOne() {
        assertEquals("10.0.0.3", BALANCERS.clientAddress("10.0.0.2", List.of("10.0.0.3, 10.0.0.4")));
    }

    @Test
    public void portsAndBracketsAreStrippedAndIpv6IsNormalised() {
        assertEquals("203.0.113.9", BALANCERS.clientAddress("10.0.0.2", List.of("203.0.113.9:4711")));
        assertEquals("2001:db8:0:0:0:0:0:1", BALANCERS.clientAddress("10.0.0.2", List.of("[2001:db8::1]:4711")));
        assertEquals("2001:db8:0:0:0:0:0:1", BALANCERS.clientAddress("2001:db8:ffff::5", List.of("2001:DB8::1")));
        assertEquals("203.0.113.9", BALANCERS.clientAddress("10.0.0.2", List.of("::ffff:203.0.113.9")));
    }

    @Test
    public void rangesMatchByPrefixOnly() {
        assertEquals("11.0.0.2", BALANCERS.clientAddress("11.0.0.2", List.of("203.0.113.9")));
        assertEquals("192.0.2.2", BALANCERS.clientAddress("192.0.2.2", List.of("203.0.113.9")));
        assertEquals("203.0.113.9", BALANCERS.clientAddress("192.0.2.1", List.of("203.0.113.9")));
        assertEquals("2001:db8:fffe:0:0:0:0:1", BALANCERS.clientAddress("2001:db8:fffe::1", List.of("203.0.113.9")));
    }

    @Test
    public void theForwardedHeaderOfRfc7239IsReadWhenConfigured() {
        TrustedProxies proxies = trusting("Forwarded", "10.0.0.0/8");
        assertEquals("203.0.113.9", proxies.clientAddress("10.0.0.2",
                List.of("for=1.2.3.4;proto=https, For=\"203.0.113.9:4711\";by=10.0.0.2")));
        assertEquals("2001:db8:0:0:0:0:0:17", proxies.clientAddress("10.0.0.2", List.of("for=\"[2001:db8::17]\"")));
        assertEquals("10.0.0.2", proxies.clientAddress("10.0.0.2", List.of("for=_hidden")));
        assertEquals("10.0.0.2", proxies.clientAddress("10.0.0.2", List.of("proto=https")));
        // X-Forwarded-For is not read when Forwarded is the configured header
        assertEquals("10.0.0.2", proxies.clientAddress("10.0.0.2", List.of()));
    }

    @Test
    public void aWrongConfigurationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> trusting("X-Forwarded-For", "10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> trusting("X-Forwarded-For", "proxy.example"));
        assertThrows(IllegalArgumentException.class, () -> trusting("X-Forwarded-For", "10.0.0.0/x"));
        assertThrows(IllegalArgumentException.class, () -> trusting("X-Real-IP", "10.0.0.1"));
    }
}
