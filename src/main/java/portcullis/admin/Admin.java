package portcullis.admin;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Marks endpoints only callers in the {@code admin} group may use; {@link AdminFilter} enforces it. */
@NameBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface Admin {
}
