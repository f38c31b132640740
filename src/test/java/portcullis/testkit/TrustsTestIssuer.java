package portcullis.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an Arquillian test class: its deployment trusts {@link TestIssuer#shared()} (the test kit's extension adds the
 * {@code mp.jwt.verify.*} configuration to the archive's {@code microprofile-config.properties}; for in-container
 * tests also the kit itself and a copy of the issuer's keys).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TrustsTestIssuer {
}
