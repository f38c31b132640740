package portcullis.login;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import portcullis.users.User;

/** The Edumaps answer to a login or re-authentication: {@code {"token","data":{...}}}. */
@JsonbPropertyOrder({"token", "data"})
public record EdumapsSession(String token, Data data) {
    // ISO-8601 UTC with exactly three fraction digits, as Edumaps clients parse it: 2016-08-05T08:18:51.612Z
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static EdumapsSession of(LoggedIn loggedIn, List<String> belongsTo, List<String> integrations) {
        User user = loggedIn.user();
        return new EdumapsSession(loggedIn.token().compact(), new Data(String.valueOf(user.getId()), user.getEmail(),
                format(user.getCreatedAt()), format(user.getUpdatedAt()), belongsTo, integrations));
    }

    private static String format(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    @JsonbPropertyOrder({"id", "email", "createdAt", "updatedAt", "belongsTo", "integrations"})
    public record Data(@JsonbProperty("_id") String id, String email, String createdAt, String updatedAt,
            List<String> belongsTo, List<String> integrations) {
    }
}
