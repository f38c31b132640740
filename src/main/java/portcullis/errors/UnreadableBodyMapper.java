package portcullis.errors;

import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body the JSON binding could not read: 400 when it is not JSON at all, 422 when it is JSON of the wrong
 * shape (a string where an object belongs, an array for a string...).
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {
    private static final int BAD_REQUEST = 400;

    @Override
    public Response toResponse(ProcessingException exception) {
        boolean syntaxError = causedByJsonSyntax(exception);
        return Response.status(syntaxError ? BAD_REQUEST : ConstraintViolationMapper.UNPROCESSABLE_CONTENT)
                .type(MediaType.APPLICATION_JSON)
                .entity(ErrorBody.of("body", syntaxError ? "is not valid JSON" : "has a field of the wrong type"))
                .build();
    }

    private static boolean causedByJsonSyntax(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParsingException) {
                return true;
            }
        }
        return false;
    }
}
