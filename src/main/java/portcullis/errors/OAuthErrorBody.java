package portcullis.errors;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/** An error answer of an OAuth endpoint: the OAuth fields (RFC 6749, section 5.2) and Portcullis's own. */
@JsonbPropertyOrder({"error", "description", "errors"})
public record OAuthErrorBody(String error, @JsonbProperty("error_description") String description,
        Map<String, List<String>> errors) {
}
