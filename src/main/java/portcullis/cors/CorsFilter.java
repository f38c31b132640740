package portcullis.cors;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import portcullis.responses.PublicDocuments;

/**
 * CORS for every answer of the WAR, as a servlet filter (declared in web.xml, before the JAX-RS application): a
 * preflight is answered here, before any authentication runs, and the headers are set before the request goes on,
 * so that error answers (401, 422, 429, 503) carry them too. Never {@code Access-Control-Allow-Credentials}: tokens
 * travel in headers, not cookies. The JWKS and discovery documents are public: {@code *} there, whatever the list.
 */
public class CorsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String METHODS = "GET, POST, PUT, DELETE";
    private static final String REQUEST_HEADERS = "Authorization, Authorisation, Content-Type, Accept";
    private static final String EXPOSED_HEADERS = "Retry-After, Location";
    private static final byte[] ORIGIN_REFUSED =
            "{\"errors\":{\"origin\":[\"is not allowed\"]}}".getBytes(StandardCharsets.UTF_8);

    @Inject
    transient CorsPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        boolean preflight = "OPTIONS".equals(request.getMethod()) && origin != null
                && request.getHeader("Access-Control-Request-Method") != null;
        if (PublicDocuments.contains(request)) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            if (preflight) {
                answerPreflight(response, "GET");
                return;
            }
        } else if (policy.isOn()) {
            response.addHeader("Vary", "Origin");
            boolean allowed = policy.allows(origin);
            if (allowed) {
                response.setHeader("Access-Control-Allow-Origin", origin);
                response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            }
            if (preflight) {
                if (allowed) {
                    answerPreflight(response, METHODS);
                } else {
                    refuse(response);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void answerPreflight(HttpServletResponse response, String methods) {
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        response.setHeader("Access-Control-Allow-Methods", methods);
        response.setHeader("Access-Control-Allow-Headers", REQUEST_HEADERS);
        response.setHeader("Access-Control-Max-Age", String.valueOf(policy.maxAgeSeconds()));
    }

    /** Without any Access-Control header the browser blocks the call; the body tells a developer why. */
    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setContentLength(ORIGIN_REFUSED.length);
        response.getOutputStream().write(ORIGIN_REFUSED);
    }
}
