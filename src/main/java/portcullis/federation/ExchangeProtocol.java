package portcullis.federation;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import portcullis.errors.ErrorBody;
import portcullis.errors.OAuthErrorBody;

/**
 * What RFC 8693 asks of the two exchange endpoints beyond the exchange itself: a form-encoded body (any other, or
 * none declared, is 415: without it the runtime's form binding fails), and every refusal in the OAuth shape
 * ({@code error}, {@code error_description}) beside Portcullis's {@code errors}, whichever part of the server
 * refused: a 405, 413, 415, 429 or a malformed form as much as a token the exchange refused.
 */
@Provider
public class ExchangeProtocol implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Set<String> PATHS = Set.of("users/exchange", "auth/exchange");

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (isExchange(request) && "POST".equals(request.getMethod())
                && (type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type))) {
            throw new InvalidExchangeRequestException(415, "invalid_request", "body",
                    "must be form-encoded (application/x-www-form-urlencoded)");
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && isExchange(request) && response.getEntity() instanceof ErrorBody body) {
            Map.Entry<String, List<String>> first = body.errors().entrySet().iterator().next();
            response.setEntity(new OAuthErrorBody(oauthError(response.getStatus()),
                    first.getKey() + " " + first.getValue().get(0), body.errors()), null,
                    MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private static boolean isExchange(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return PATHS.contains(path.startsWith("/") ? path.substring(1) : path);
    }

    /** RFC 6749, 5.2, for what the exchange's own refusals do not already name. */
    private static String oauthError(int status) {
        return switch (status) {
            case 401, 409 -> "invalid_grant"; // the token's person cannot be signed in
            case 429, 503 -> "temporarily_unavailable";
            case 500 -> "server_error";
            default -> "invalid_request";
        };
    }
}
