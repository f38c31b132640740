package portcullis.admin;

import jakarta.validation.constraints.NotBlank;

/** {@code PUT /api/admin/users/{id}/password}: {@code {"password":"..."}}. */
public record NewPassword(@NotBlank(message = "can't be blank") String password) {
}
