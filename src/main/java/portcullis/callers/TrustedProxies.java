package portcullis.callers;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reverse proxies and load balancers whose word on the client address is believed
 * ({@code portcullis.requests.trusted-proxies}, none by default). Only a request whose peer is one of them has its
 * forwarding header read, from the right: the client is the right-most address that is not itself a trusted proxy.
 * An unreadable hop ends the walk at the last trusted proxy, so that no header a client writes can choose its address.
 */
@ApplicationScoped
public class TrustedProxies {
    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED = "Forwarded";
    /** Hops read from the right at most: a longer chain is a client padding the header, not a real path. */
    private static final int MAX_HOPS = 32;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "portcullis.requests.client-address-header")
    String header;

    private List<AddressRange> ranges;

    @PostConstruct
    void parse() {
        // A list-valued key; read through the Config API, as Payara cannot inject Optional<List<String>>.
        configure(config.getOptionalValues("portcullis.requests.trusted-proxies", String.class).orElse(List.of()),
                header);
    }

    void configure(List<String> trustedRanges, String headerName) {
        header = headerName;
        ranges = trustedRanges.stream()
                .filter(range -> !range.isBlank())
                .map(AddressRange::parse)
                .toList();
        if (!header.equalsIgnoreCase(X_FORWARDED_FOR) && !header.equalsIgnoreCase(FORWARDED)) {
            throw new IllegalArgumentException("portcullis.requests.client-address-header must be "
                    + X_FORWARDED_FOR + " or " + FORWARDED + ", is '" + header + "'");
        }
    }

    /** A wrong range in the configuration fails the deployment, not the first request. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing makes the container create this bean now, and parse() throws for a wrong entry.
    }

    /** The name of the header the proxies write the chain into. */
    String header() {
        return header;
    }

    /** The client's address for a request from {@code peer} carrying the forwarding header's lines. */
    String clientAddress(String peer, List<String> headerLines) {
        Optional<InetAddress> peerAddress = IpLiteral.parse(peer);
        if (peerAddress.isEmpty()) {
            return peer; // a unix socket or a name: no proxy of ours
        }
        InetAddress nearest = peerAddress.get();
        if (!isTrusted(nearest) || headerLines.isEmpty()) {
            return nearest.getHostAddress();
        }
        List<String> hops = header.toLowerCase(Locale.ROOT).equals(FORWARDED.toLowerCase(Locale.ROOT))
                ? ForwardedChain.fromForwarded(headerLines)
                : ForwardedChain.fromXForwardedFor(headerLines);
        for (int i = hops.size() - 1; i >= Math.max(0, hops.size() - MAX_HOPS); i--) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            nearest = hop.get();
            if (!isTrusted(nearest)) {
                break;
            }
        }
        return nearest.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }
}
