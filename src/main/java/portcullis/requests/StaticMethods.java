package portcullis.requests;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Outside the API (the console's files, the root), only reading is allowed: {@code GET}, {@code HEAD} and
 * {@code OPTIONS}. Anything else gets the API's JSON 405 with {@code Allow}, instead of the server's HTML 403 or 501
 * page (which names the server). The API and {@code /.well-known/} answer their methods themselves.
 */
public class StaticMethods extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");
    private static final byte[] NOT_ALLOWED = "{\"errors\":{\"request\":[\"method not allowed\"]}}"
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (READING.contains(request.getMethod()) || path.startsWith("/api/") || path.startsWith("/.well-known/")) {
            chain.doFilter(request, response);
            return;
        }
        // Written here, not by sendError: the error page would be dispatched with this same method, and the
        // container's file servlet answers a PUT or DELETE of it with an empty 403.
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        response.setContentType("application/json");
        response.setContentLength(NOT_ALLOWED.length);
        response.getOutputStream().write(NOT_ALLOWED);
    }
}
