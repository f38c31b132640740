package portcullis.servers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class runs against the built WAR in a real Payara Micro process, configured with {@link #value()} (lines
 * of MicroProfile Config appended to the WAR's defaults). Classes that name the same lines share one server start
 * per suite run; the server gets a database of its own. Fields of type {@code Api} and {@code URL} are set to the
 * server's before each test. Classes sharing a server keep to data of their own (fresh users per test); limits per
 * client address are set out of reach on every shared server (all classes call from one loopback address).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(SharedServers.class)
public @interface SharedServer {

    /** The administrator every administered server has. */
    String ADMIN_EMAIL = "admin@portcullis.test";

    /**
     * Named on every administered server by {@code portcullis.users.admin-emails}, the key that made administrators
     * by email before schema 7: on these new installations it must grant nothing (AdminStandingIT).
     */
    String LEGACY_ADMIN_EMAIL = "legacy-admin@portcullis.test";

    /** The browser app's origin every administered server allows (the docs' examples send it). */
    String BROWSER_ORIGIN = "https://app.example.com";

    /** {@code key=value} lines; the order does not matter. */
    String[] value() default {};

    /**
     * Adds {@link #ADMIN_EMAIL} as the bootstrapped administrator (password {@code TestUsers.STRONG_PASSWORD}),
     * {@link #LEGACY_ADMIN_EMAIL} in the old key, the cheapest bcrypt cost, {@link #BROWSER_ORIGIN} as an allowed
     * browser origin, users' tokens for the audience {@code TokenMintResource.AUDIENCE} (not the default, so that
     * tests see it) and the test-only resource that mints tokens: one server for the tests about what accounts,
     * administrators and tokens do, not about hashing, throttling or the defaults themselves.
     */
    boolean administered() default false;

    /**
     * Adds time shrunk to seconds: tokens live 3 s with no clock leeway, revocations of expired tokens are pruned,
     * stored events (kept 4 s) and session records swept, every second; and the test-only resources that read the
     * stored revocations and sessions.
     */
    boolean shortLived() default false;

    /** Test-only classes added to the WAR (resources that mint tokens, say); never in the shipped WAR. */
    Class<?>[] classes() default {};

    /**
     * The name of a static method of the class answering more lines ({@code List<String>}), for configuration known
     * only once the class's {@link Neighbour}s run (a directory's port, say); called before each test.
     */
    String configuredBy() default "";
}
