package portcullis.errors;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Bean Validation failures of a request become 422 with one key per JSON field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
    static final int UNPROCESSABLE_CONTENT = 422;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        Map<String, List<String>> errors = exception.getConstraintViolations().stream().collect(groupingBy(
                violation -> jsonField(violation.getPropertyPath()),
                TreeMap::new,
                mapping(ConstraintViolation::getMessage, toList())));
        return Response.status(UNPROCESSABLE_CONTENT)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(errors))
                .build();
    }

    // "login.body.user.email" -> "email": clients know their JSON field, not our parameter names.
    private static String jsonField(Path path) {
        String field = "body";
        for (Path.Node node : path) {
            if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.METHOD) {
                field = node.getName();
            }
        }
        return field;
    }
}
