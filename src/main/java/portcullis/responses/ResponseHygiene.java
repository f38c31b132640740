package portcullis.responses;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Headers every answer of the WAR carries (declared first in web.xml): {@code X-Content-Type-Options: nosniff}, and
 * {@code Cache-Control: no-store} with {@code Pragma: no-cache}, since answers carry tokens or user data (RFC 6749
 * 5.1, ASVS 8.2.1). The public key documents under {@code /.well-known/} set a cache time of their own instead.
 * Statuses keep their standard reason phrases ({@link ReasonPhrases}).
 */
public class ResponseHygiene extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!PublicDocuments.contains(request)) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        chain.doFilter(request, new StandardStatusLine(response));
    }

    /** Passes every status through {@link ReasonPhrases}, so that the server writes the standard phrase. */
    private static final class StandardStatusLine extends HttpServletResponseWrapper {
        StandardStatusLine(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status);
            ReasonPhrases.apply(getResponse(), status);
        }
    }
}
