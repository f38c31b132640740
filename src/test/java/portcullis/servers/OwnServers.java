package portcullis.servers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * The class starts and stops servers of its own (on data folders and ports of its own, never a shared server; the
 * one Arquillian class is the only user of the Arquillian servers' folder), so the Derby suite may run it beside the
 * classes of the shared servers, which run one after the other (junit-platform.properties: two threads; the
 * PostgreSQL suite runs everything in one, since its own-server classes share one database). Its own methods still
 * run one after the other, in its order. Classes whose assertions depend on how fast the server answers are
 * {@code @Isolated} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(providers = OwnServers.OneMethodAtATime.class)
public @interface OwnServers {

    /**
     * A lock of the class's own, which no other class takes: JUnit runs the methods of a class holding an exclusive
     * lock in the class's thread, one after the other (where {@code @Execution} alone would run them side by side).
     */
    final class OneMethodAtATime implements ResourceLocksProvider {
        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            return Set.of(new Lock("portcullis.own-servers." + testClass.getName()));
        }
    }
}
