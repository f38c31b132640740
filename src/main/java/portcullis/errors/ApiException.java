package portcullis.errors;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A failure the client caused, with the status and error field it is answered with. */
@ApplicationException(rollback = true) // EJBs rethrow it as is instead of wrapping it in EJBException
public abstract class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    protected ApiException(int status, String field, String message) {
        super(message, null, false, false); // an expected outcome: no stack trace to fill or leak
        this.status = status;
        this.field = field;
    }

    /** Extra response headers, such as {@code WWW-Authenticate}. */
    protected Map<String, String> headers() {
        return Map.of();
    }

    /**
     * The OAuth 2.0 error code (RFC 6749, section 5.2) for failures of an OAuth endpoint, answered beside
     * {@code errors} so that OAuth clients find theirs; none elsewhere.
     */
    protected String oauthError() {
        return null;
    }

    Response toResponse() {
        ErrorBody body = ErrorBody.of(field, getMessage());
        String oauthError = oauthError();
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(oauthError == null ? body : new OAuthErrorBody(oauthError, field + " " + getMessage(),
                        body.errors()));
        headers().forEach(response::header);
        return response.build();
    }
}
