package portcullis.tokens;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Marks the endpoint that accepts tokens whose claims are outdated, to answer fresh ones: re-authentication. */
@Retention(RUNTIME)
@Target(METHOD)
public @interface OutdatedTokensAccepted {
}
