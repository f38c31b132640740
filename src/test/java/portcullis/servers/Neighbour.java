package portcullis.servers;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real process a test class needs beside the server under test (a directory, an identity provider, a proxy, a
 * browser), as a JUnit 5 extension: {@code @RegisterExtension static final Neighbour<Slapd> DIRECTORY =
 * Neighbour.of(() -> Slapd.start(…));} starts it before the class's first test (and before its
 * {@link SharedServer}, whose configuration may name it) and JUnit stops it after the last, whatever happened.
 */
public final class Neighbour<T extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {

    /** Starts the neighbour; may throw. */
    @FunctionalInterface
    public interface Start<T> {
        T start() throws Exception;
    }

    private final Start<T> start;
    private T running;

    private Neighbour(Start<T> start) {
        this.start = start;
    }

    public static <T extends AutoCloseable> Neighbour<T> of(Start<T> start) {
        return new Neighbour<>(start);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        running = start.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (running != null) {
            T stopping = running;
            running = null;
            stopping.close();
        }
    }

    /** The running neighbour. */
    public T get() {
        return Objects.requireNonNull(running, "the neighbour runs only while its class's tests do");
    }
}
