package portcullis.users;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/users}: {@code {"user":{"username","email","password"}}}. */
public record ConduitRegistration(@NotNull(message = "can't be blank") @Valid NewUser user) {

    public record NewUser(
            @NotBlank(message = "can't be blank")
            @Size(max = 64, message = "is too long (maximum is 64 characters)")
            @Pattern(regexp = UserRules.USERNAME, message = "is invalid")
            String username,

            @NotBlank(message = "can't be blank")
            @Size(max = 254, message = "is too long (maximum is 254 characters)")
            @Email(message = "is invalid")
            String email,

            @NotBlank(message = "can't be blank")
            @Size(max = UserRules.PASSWORD_MAX, message = "is too long (maximum is 256 characters)")
            String password) {

        public NewUser {
            email = email == null ? null : email.strip(); // surrounding blanks are a typo, not part of the address
        }
    }
}
