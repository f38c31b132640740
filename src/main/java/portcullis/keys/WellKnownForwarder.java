package portcullis.keys;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves {@code /.well-known/*} (where verifiers look, next to the issuer) from the JAX-RS resources under
 * {@code /api/.well-known/*}, so that one JAX-RS application serves everything. Mapped in web.xml.
 */
public class WellKnownForwarder extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.getRequestDispatcher("/api" + request.getServletPath() + nullToEmpty(request.getPathInfo()))
                .forward(request, response);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
