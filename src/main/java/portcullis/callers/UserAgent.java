package portcullis.callers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** The {@code User-Agent} of the current request, as recorded with a session: control characters out, 256 at most. */
@ApplicationScoped
public class UserAgent {
    private static final int LONGEST = 256;

    @Inject
    HttpServletRequest request;

    public String current() {
        String agent = request.getHeader("User-Agent");
        if (agent == null || agent.isBlank()) {
            return null;
        }
        String printable = agent.strip().codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() <= LONGEST ? printable : printable.substring(0, LONGEST);
    }
}
