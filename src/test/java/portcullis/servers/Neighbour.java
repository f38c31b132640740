package portcullis.servers;

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
        started();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        if (running != null) {
            T stopping = running;
            running = null;
            stopping.close();
        }
    }

    /**
     * The running neighbour, started now if another neighbour needs it first (JUnit registers a class's extensions in
     * an order of its own).
     */
    public T get() {
        try {
            return started();
        } catch (Exception e) {
            throw new IllegalStateException("the neighbour did not start", e);
        }
    }

    private synchronized T started() throws Exception {
        if (running == null) {
            running = start.start();
        }
        return running;
    }
}
