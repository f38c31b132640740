package portcullis.login;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import portcullis.tokens.TokenFilter;

/**
 * Decides, before matching, which Edumaps method a {@code POST /api/auth/login} (or {@code /auth/local}) reaches.
 * <ul>
 * <li>The Edumaps document's re-authentication example posts to {@code /auth/local} with a token in the
 * {@code Authorisation} header and no body. Such a request (no body, a token header) is routed to
 * {@code POST /api/auth/token} and re-authenticates exactly like it; with credentials in the body it stays a login.
 * "No body" is read from the headers (no {@code Content-Length}, or 0, and no {@code Transfer-Encoding}), so that the
 * decision never depends on reading the stream.</li>
 * <li>A login without {@code Content-Type} is taken as JSON. Otherwise the runtime picks the JSON or the form method
 * at random, and Jersey's form method fails with a 500 on a body that is not a form.</li>
 * </ul>
 */
@Provider
@PreMatching
public class EdumapsLoginRouting implements ContainerRequestFilter {
    private static final Set<String> LOGIN_PATHS = Set.of("auth/login", "auth/local");

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod()) || !LOGIN_PATHS.contains(relativePath(request))) {
            return;
        }
        if (carriesToken(request) && hasNoBody(request)) {
            request.setRequestUri(request.getUriInfo().getBaseUriBuilder().path("auth/token").build());
        } else if (request.getMediaType() == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    /** Jersey answers {@code auth/local}, RESTEasy {@code /auth/local}; either may end in a slash. */
    private static String relativePath(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.length() > start && path.endsWith("/") ? path.length() - 1 : path.length();
        return path.substring(start, Math.max(start, end));
    }

    private static boolean carriesToken(ContainerRequestContext request) {
        return isPresent(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                || isPresent(request.getHeaderString(TokenFilter.EDUMAPS_HEADER));
    }

    private static boolean hasNoBody(ContainerRequestContext request) {
        return request.getLength() == 0
                || request.getLength() < 0 && request.getHeaderString("Transfer-Encoding") == null;
    }

    private static boolean isPresent(String header) {
        return header != null && !header.isBlank();
    }
}
