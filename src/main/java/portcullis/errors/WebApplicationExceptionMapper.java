package portcullis.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** The runtime's own refusals (404, 405, 406, 415 ...) keep their status but answer in our JSON shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception.getCause() instanceof NoContentException) {
            // JAX-RS turns an empty body into 400; for a client it is a required field left out, like any other.
            return Response.status(ConstraintViolationMapper.UNPROCESSABLE_CONTENT)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(ErrorBody.of("body", "can't be blank"))
                    .build();
        }
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(ErrorBody.of("request", status.getReasonPhrase().toLowerCase(Locale.ROOT)));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }
}
