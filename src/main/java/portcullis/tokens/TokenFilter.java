package portcullis.tokens;

import portcullis.metrics.Metrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Verifies the token of every request to an {@link Authenticated} endpoint and sets the {@code SecurityContext}.
 * The token comes in {@code Authorization} or, for Edumaps clients, {@code Authorisation} (British spelling), as
 * {@code Token <jwt>} (Conduit), {@code Bearer <jwt>} (MicroProfile JWT) or bare. Integration tokens are refused
 * (403) where the method is not marked {@link IntegrationTokensAccepted}; tokens with outdated claims (401) where it
 * is not marked {@link OutdatedTokensAccepted}.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class TokenFilter implements ContainerRequestFilter {
    /** The Edumaps dialect's token header, in British spelling. */
    public static final String EDUMAPS_HEADER = "Authorisation";
    private static final List<String> SCHEMES = List.of("Token", "Bearer");

    @Inject
    TokenVerifier verifier;

    @Inject
    Metrics metrics;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = Stream.of(HttpHeaders.AUTHORIZATION, EDUMAPS_HEADER)
                .map(request::getHeaderString)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .orElseThrow(InvalidTokenException::missing);
        String token = tokenIn(header.strip()).orElseThrow(InvalidTokenException::new);
        long started = System.nanoTime();
        JsonWebToken verified;
        try {
            verified = verifier.verify(token, accepts(OutdatedTokensAccepted.class));
        } catch (InvalidTokenException refused) {
            metrics.tokenRefused(System.nanoTime() - started);
            throw refused;
        }
        metrics.tokenVerified(System.nanoTime() - started);
        if (verified.getClaim(TokenIssuer.AUTHORISED_PARTY) != null && !accepts(IntegrationTokensAccepted.class)) {
            throw new IntegrationTokenRefusedException();
        }
        request.setSecurityContext(new TokenSecurityContext(verified, request.getSecurityContext().isSecure()));
    }

    private boolean accepts(Class<? extends Annotation> marker) {
        return resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(marker);
    }

    private static Optional<String> tokenIn(String header) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.of(header); // bare: a JWT never contains a space
        }
        String scheme = header.substring(0, space);
        return SCHEMES.stream()
                .filter(scheme::equalsIgnoreCase)
                .map(known -> header.substring(space + 1).strip())
                .findFirst();
    }
}
