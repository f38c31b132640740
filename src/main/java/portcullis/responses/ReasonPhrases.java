package portcullis.responses;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Standard reason phrases for the statuses Payara's HTTP layer (Grizzly) has no phrase for: it writes
 * {@code HTTP/1.1 422 CUSTOM} and {@code 429 CUSTOM}. Servlet 6 has no way to set a phrase, so on Payara the phrase is
 * handed to Grizzly's own response (the only reflection in Portcullis, in this one place). Other servers (WildFly's
 * Undertow) know the phrases already, and this does nothing there.
 */
final class ReasonPhrases {
    private static final Logger LOG = Logger.getLogger(ReasonPhrases.class.getName());
    private static final String PAYARA_FACADE = "org.apache.catalina.connector.ResponseFacade";
    private static final Map<Integer, String> MISSING_ON_PAYARA = Map.of(
            422, "Unprocessable Content",
            429, "Too Many Requests");

    private static volatile boolean unavailable;

    private ReasonPhrases() {
    }

    static void apply(ServletResponse response, int status) {
        String phrase = MISSING_ON_PAYARA.get(status);
        if (phrase == null || unavailable) {
            return;
        }
        ServletResponse innermost = response;
        while (innermost instanceof ServletResponseWrapper wrapper) {
            innermost = wrapper.getResponse();
        }
        if (!innermost.getClass().getName().equals(PAYARA_FACADE)) {
            return;
        }
        try {
            Field catalinaResponse = innermost.getClass().getDeclaredField("response");
            catalinaResponse.setAccessible(true);
            Object catalina = catalinaResponse.get(innermost);
            Object grizzly = catalina.getClass().getMethod("getCoyoteResponse").invoke(catalina);
            Method setPhrase = grizzly.getClass().getMethod("setDetailMessage", String.class);
            setPhrase.invoke(grizzly, phrase);
        } catch (ReflectiveOperationException | RuntimeException changedInternals) {
            unavailable = true; // a later Payara changed its internals: the status stays right, the phrase does not
            LOG.warning(() -> "Cannot set standard reason phrases on this Payara: " + changedInternals);
        }
    }
}
