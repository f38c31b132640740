package portcullis.tokens;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the {@link Authenticated} endpoints a third-party service may call with an integration token (reading the
 * user, re-authenticating, logging out). Every other endpoint needs the user's own token.
 */
@Retention(RUNTIME)
@Target(METHOD)
public @interface IntegrationTokensAccepted {
}
