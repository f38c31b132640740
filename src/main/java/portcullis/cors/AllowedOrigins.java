package portcullis.cors;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The origins browser apps may call the API from, each exactly {@code scheme://host[:port]} as a browser sends it in
 * {@code Origin} (lower case, no default port). Anything else in the configuration fails the deployment: a path, a
 * wildcard, {@code null}, a pattern. Matching is string equality, so no look-alike host can match.
 */
final class AllowedOrigins {
    private final Set<String> origins;

    private AllowedOrigins(Set<String> origins) {
        this.origins = origins;
    }

    static AllowedOrigins of(List<String> configured) {
        return new AllowedOrigins(configured.stream()
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(AllowedOrigins::serialise)
                .collect(Collectors.toUnmodifiableSet()));
    }

    boolean isEmpty() {
        return origins.isEmpty();
    }

    boolean allows(String origin) {
        return origin != null && origins.contains(origin);
    }

    /** The origin as browsers serialise it (RFC 6454): lower-case scheme and host, the port only when not default. */
    static String serialise(String configured) {
        URI uri;
        try {
            uri = new URI(configured);
        } catch (URISyntaxException e) {
            throw invalid(configured, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(configured, "must start with http:// or https:// (wildcards and null are never allowed)");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw invalid(configured, "must name a host, and nothing but scheme, host and port");
        }
        if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(configured, "must be scheme://host[:port] without a path, not even a trailing /");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!host.chars().allMatch(c -> c < 128)) {
            throw invalid(configured, "must name the host in ASCII (punycode), as browsers send it");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private static IllegalArgumentException invalid(String configured, String why) {
        return new IllegalArgumentException("portcullis.cors.allowed-origins: '" + configured + "' " + why);
    }
}
