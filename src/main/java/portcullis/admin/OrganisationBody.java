package portcullis.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code {"organisation":{"domain","name"}}}: both to create one, the name alone to rename it. */
public record OrganisationBody(@NotNull(message = "can't be blank") @Valid Fields organisation) {

    public record Fields(
            @Size(max = 253, message = "is too long (maximum is 253 characters)") String domain,
            @NotBlank(message = "can't be blank")
            @Size(max = 128, message = "is too long (maximum is 128 characters)") String name) {
    }
}
