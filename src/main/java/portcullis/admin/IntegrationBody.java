package portcullis.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code {"integration":{"name","displayName"}}}: both to create one, the display name alone to rename it. */
public record IntegrationBody(@NotNull(message = "can't be blank") @Valid Fields integration) {

    public record Fields(
            @Size(max = 64, message = "is too long (maximum is 64 characters)") String name,
            @NotBlank(message = "can't be blank")
            @Size(max = 128, message = "is too long (maximum is 128 characters)") String displayName) {
    }
}
