package portcullis.federation;

import com.nimbusds.jose.JWSAlgorithm;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import portcullis.shadowaccounts.GroupMapping;

/**
 * {@code portcullis.federation.*}, read and checked once: a wrong setting fails the deployment, not the first
 * exchange. Providers are listed in {@code portcullis.federation.providers}; each has its keys under
 * {@code portcullis.federation.<name>.}.
 */
@ApplicationScoped
class FederationSettings {
    static final String PREFIX = "portcullis.federation.";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,27}");
    /** Asymmetric algorithms only: a shared secret would let every holder of it mint tokens (RFC 8725, 3.1). */
    private static final List<JWSAlgorithm> ASYMMETRIC = List.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    @Inject
    Config config;

    private Map<String, Provider> byIssuer = Map.of();
    private Duration clockLeeway;
    private Duration maxTokenLifetime;
    private int maxTokenLength;
    private Duration keyRefreshInterval;
    private Duration keysMaxAge;
    private Duration connectTimeout;
    private Duration readTimeout;

    @PostConstruct
    void read() {
        clockLeeway = duration("clock-leeway", Duration.ofSeconds(60));
        maxTokenLifetime = duration("max-token-lifetime", Duration.ofHours(24));
        maxTokenLength = config.getOptionalValue(PREFIX + "max-token-length", Integer.class).orElse(8192);
        keyRefreshInterval = duration("key-refresh-interval", Duration.ofSeconds(10));
        keysMaxAge = duration("keys-max-age", Duration.ofMinutes(10));
        connectTimeout = duration("connect-timeout", Duration.ofSeconds(2));
        readTimeout = duration("read-timeout", Duration.ofSeconds(3));
        if (maxTokenLength < 256 || connectTimeout.isZero() || readTimeout.isZero()) {
            throw invalid("max-token-length, connect-timeout or read-timeout", "is out of range");
        }
        Map<String, Provider> providers = new LinkedHashMap<>();
        for (String name : config.getOptionalValues(PREFIX + "providers", String.class).orElse(List.of())) {
            Provider provider = provider(name.strip());
            if (providers.put(provider.issuer(), provider) != null) {
                throw invalid(name + ".issuer", "is the issuer of another provider");
            }
        }
        byIssuer = Map.copyOf(providers);
    }

    /** A wrong setting fails the deployment instead of the first exchange. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing makes the container create this bean now, and read() throws for a wrong setting.
    }

    private Provider provider(String name) {
        if (!NAME.matcher(name).matches()) {
            throw invalid("providers", "names must be lower-case letters, digits and hyphens, 28 at most: " + name);
        }
        String key = name + ".";
        String issuer = required(key + "issuer");
        checkUrl(key + "issuer", URI.create(issuer));
        Optional<URI> jwksUrl = config.getOptionalValue(PREFIX + key + "jwks-url", String.class)
                .filter(url -> !url.isBlank()).map(url -> checkUrl(key + "jwks-url", URI.create(url.strip())));
        String audience = required(key + "audience");
        Provider.UserClaim userClaim;
        try {
            userClaim = Provider.UserClaim.valueOf(config.getOptionalValue(PREFIX + key + "user-claim", String.class)
                    .orElse("sub").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw invalid(key + "user-claim", "is not one of sub, email");
        }
        String groupsClaim = config.getOptionalValue(PREFIX + key + "groups-claim", String.class).orElse("groups");
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (String algorithm : config.getOptionalValues(PREFIX + key + "algorithms", String.class)
                .orElse(ASYMMETRIC.stream().map(JWSAlgorithm::getName).toList())) {
            JWSAlgorithm parsed = JWSAlgorithm.parse(algorithm.strip());
            if (!ASYMMETRIC.contains(parsed)) {
                throw invalid(key + "algorithms", "may name only " + ASYMMETRIC + ": " + algorithm);
            }
            algorithms.add(parsed);
        }
        return new Provider(name, issuer, jwksUrl, audience, userClaim, groupsClaim, Set.copyOf(algorithms),
                GroupMapping.read(config, PREFIX + key));
    }

    /**
     * Keys are fetched over HTTPS only, so that nobody on the way can swap them; plain HTTP only to a provider on
     * this machine's loopback (a side-car, or tests).
     */
    private static URI checkUrl(String key, URI url) {
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !scheme.equals("https") && !(scheme.equals("http") && loopback(url.getHost()))) {
            throw invalid(key, "must be an https:// URL (http:// only on loopback): " + url);
        }
        return url;
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+]")) {
            return false; // a name would need a lookup, and could change its answer
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    private String required(String key) {
        return config.getOptionalValue(PREFIX + key, String.class).map(String::strip).filter(value -> !value.isEmpty())
                .orElseThrow(() -> invalid(key, "is required for every provider listed in " + PREFIX + "providers"));
    }

    private Duration duration(String key, Duration fallback) {
        Duration value = config.getOptionalValue(PREFIX + key, Duration.class).orElse(fallback);
        if (value.isNegative()) {
            throw invalid(key, "must not be negative");
        }
        return value;
    }

    private static IllegalStateException invalid(String key, String problem) {
        return new IllegalStateException(PREFIX + key + " " + problem);
    }

    boolean isOn() {
        return !byIssuer.isEmpty();
    }

    /** The provider whose {@code iss} this is, compared exactly. */
    Optional<Provider> byIssuer(String issuer) {
        return Optional.ofNullable(byIssuer.get(issuer));
    }

    List<Provider> providers() {
        return List.copyOf(byIssuer.values());
    }

    Duration clockLeeway() { return clockLeeway; }
    Duration maxTokenLifetime() { return maxTokenLifetime; }
    int maxTokenLength() { return maxTokenLength; }
    Duration keyRefreshInterval() { return keyRefreshInterval; }
    Duration keysMaxAge() { return keysMaxAge; }
    Duration connectTimeout() { return connectTimeout; }
    Duration readTimeout() { return readTimeout; }
}
