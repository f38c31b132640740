package portcullis.errors;

import java.util.List;
import java.util.Map;

/** The JSON body of every error answer: {@code {"errors":{"field":["message"]}}}. */
public record ErrorBody(Map<String, List<String>> errors) {

    public static ErrorBody of(String field, String message) {
        return new ErrorBody(Map.of(field, List.of(message)));
    }
}
