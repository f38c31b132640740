package portcullis.users;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/user}: any of the fields; absent ones stay as they are. */
public record ConduitUserUpdate(@NotNull(message = "can't be blank") @Valid Changes user) {

    public record Changes(
            @Size(min = 1, max = 254, message = "can't be blank or longer than 254 characters")
            @Pattern(regexp = ".*\\S.*", message = "can't be blank")
            @Email(message = "is invalid")
            String email,

            @Size(min = 1, max = 64, message = "can't be blank or longer than 64 characters")
            @Pattern(regexp = UserRules.USERNAME, message = "is invalid")
            String username,

            @Size(min = 1, max = UserRules.PASSWORD_MAX, message = "can't be blank or longer than 256 characters")
            @Pattern(regexp = ".*\\S.*", message = "can't be blank")
            String password,

            @Size(max = 128, message = "is too long (maximum is 128 characters)")
            @Pattern(regexp = UserRules.NO_NUL, message = "must not contain NUL characters")
            String name,

            @Size(max = 2000, message = "is too long (maximum is 2000 characters)")
            @Pattern(regexp = UserRules.NO_NUL, message = "must not contain NUL characters")
            String bio,

            @Size(max = 2048, message = "is too long (maximum is 2048 characters)")
            @Pattern(regexp = UserRules.NO_NUL, message = "must not contain NUL characters")
            String image) {

        public Changes {
            email = email == null ? null : email.strip(); // surrounding blanks are a typo, not part of the address
        }

        UserChanges toChanges() {
            return new UserChanges(email, username, password, name, bio, image);
        }
    }
}
