package portcullis.directory;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.naming.NamingException;

/**
 * Whether the directory answered last time: one log line when it stops answering and one when it is back, never a
 * stack trace (the reason is the exception's class and message, which name no password).
 */
@ApplicationScoped
public class DirectoryStatus {
    private static final Logger LOG = Logger.getLogger(DirectoryStatus.class.getName());

    private final AtomicBoolean up = new AtomicBoolean(true);

    boolean isUp() {
        return up.get();
    }

    void reachable() {
        if (up.compareAndSet(false, true)) {
            LOG.info("The directory answers again");
        }
    }

    DirectoryUnavailableException unreachable(NamingException failure) {
        if (up.compareAndSet(true, false)) {
            LOG.warning(() -> "The directory does not answer: " + failure.getClass().getSimpleName() + ": "
                    + failure.getExplanation() + (failure.getRootCause() == null ? "" : " (" + failure.getRootCause()
                    .getClass().getSimpleName() + ": " + failure.getRootCause().getMessage() + ")")
                    + "; directory logins answer 503 until it does");
        }
        return new DirectoryUnavailableException();
    }
}
