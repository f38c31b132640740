package portcullis.login;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/login}: {@code {"email","password"}}. */
public record EdumapsLogin(
        @NotBlank(message = "can't be blank") @Size(max = 254, message = "is too long") String email,
        @NotBlank(message = "can't be blank") @Size(max = 256, message = "is too long") String password) {
}
