package portcullis.servers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The class starts and stops servers of its own (on data folders and ports of its own, never a shared server; the
 * one Arquillian class is the only user of the Arquillian servers' folder), so the Derby suite may run it beside the
 * classes of the shared servers, which run
 * one after the other (junit-platform.properties: two threads; the PostgreSQL suite runs everything in one, since its
 * own-server classes share one database). Classes whose assertions depend on how fast the server answers are
 * {@code @Isolated} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Execution(ExecutionMode.CONCURRENT)
public @interface OwnServers {
}
