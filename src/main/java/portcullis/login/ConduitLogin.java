package portcullis.login;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/users/login}: {@code {"user":{"email","password"}}}. */
public record ConduitLogin(@NotNull(message = "can't be blank") @Valid Credentials user) {

    /** No rules on the fields: a blank or missing one gets the same 401 as a wrong one, after the same work. */
    public record Credentials(String email, String password) {
    }
}
