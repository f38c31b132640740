package portcullis.federation;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;

/**
 * Fetches a provider's published documents: its OIDC discovery metadata and its JSON Web Key Set. Every fetch is
 * bounded (connect and read timeouts, 256 KiB, no redirects), and whatever goes wrong (no answer, an error status,
 * something that is not the document) is a {@link ProviderUnavailableException}.
 */
@ApplicationScoped
class ProviderDocuments {
    private static final int MAX_BYTES = 256 * 1024;

    @Inject
    FederationSettings settings;

    private HttpClient http;

    @PostConstruct
    void open() {
        http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect could lead the key fetch anywhere
                .build();
    }

    /** The provider's signing keys, from its JWKS URL or the one its discovery metadata names. */
    JWKSet keys(Provider provider) {
        URI jwks = provider.jwksUrl().orElseGet(() -> jwksUrlFromDiscovery(provider));
        try {
            return JWKSet.parse(fetch(provider, jwks));
        } catch (ParseException notKeys) {
            throw ProviderUnavailableException.because(provider, "its JWKS at " + jwks + " is not a JWK set: "
                    + notKeys.getMessage());
        }
    }

    /**
     * {@code jwks_uri} from the discovery document, which must name the configured issuer exactly (OpenID Connect
     * Discovery 1.0, section 4.3), and be an https:// URL (or http:// on loopback, as the issuer may).
     */
    private URI jwksUrlFromDiscovery(Provider provider) {
        Map<String, Object> metadata;
        try {
            metadata = JSONObjectUtils.parse(fetch(provider, provider.discovery()));
        } catch (ParseException notJson) {
            throw ProviderUnavailableException.because(provider, "its discovery document is not JSON");
        }
        if (!provider.issuer().equals(metadata.get("issuer"))) {
            throw ProviderUnavailableException.because(provider, "its discovery document names another issuer: "
                    + metadata.get("issuer"));
        }
        Object jwksUri = metadata.get("jwks_uri");
        if (!(jwksUri instanceof String url)) {
            throw ProviderUnavailableException.because(provider, "its discovery document has no jwks_uri");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException malformed) {
            throw ProviderUnavailableException.because(provider, "its jwks_uri is not a URL");
        }
        URI issuer = URI.create(provider.issuer());
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean httpOnTheIssuersLoopbackHost = "http".equalsIgnoreCase(uri.getScheme())
                && "http".equalsIgnoreCase(issuer.getScheme()) && issuer.getHost().equalsIgnoreCase(uri.getHost());
        if (uri.getHost() == null || !https && !httpOnTheIssuersLoopbackHost) {
            throw ProviderUnavailableException.because(provider, "its jwks_uri is not https://: " + url);
        }
        return uri;
    }

    private String fetch(Provider provider, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.readTimeout())
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw ProviderUnavailableException.because(provider, uri + " answered " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw ProviderUnavailableException.because(provider, uri + " answered more than 256 KiB");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException noAnswer) {
            throw ProviderUnavailableException.because(provider, uri + " did not answer: " + noAnswer);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw ProviderUnavailableException.because(provider, "interrupted");
        }
    }
}
