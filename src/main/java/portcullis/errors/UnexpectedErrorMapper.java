package portcullis.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The only catch-all: a bug is logged once with an incident id, and the client gets that id, nothing more. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
    private static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        if (DatabaseOutage.caused(exception)) {
            // Expected in an outage, and says nothing about Portcullis: one line, no stack trace.
            LOG.warning(() -> "Database unavailable: answering 503 (" + exception.getClass().getName() + ")");
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(ErrorBody.of("database", "unavailable, try again shortly"))
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, exception);
        return Response.serverError()
                .type(MediaType.APPLICATION_JSON)
                .entity(ErrorBody.of("server", "unexpected error, incident " + incident))
                .build();
    }
}
