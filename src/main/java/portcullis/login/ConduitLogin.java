package portcullis.login;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/users/login}: {@code {"user":{"email","password"}}}. */
public record ConduitLogin(@NotNull(message = "can't be blank") @Valid Credentials user) {

    public record Credentials(
            @NotBlank(message = "can't be blank") @Size(max = 254, message = "is too long") String email,
            @NotBlank(message = "can't be blank") @Size(max = 256, message = "is too long") String password) {
    }
}
