package portcullis.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /admin} → {@code admin/}, with a relative {@code Location}. The servlet containers' own redirect of a
 * folder without its slash builds an absolute URL from the request's {@code Host} header (so {@code Host:
 * evil.example} sent the browser to evil.example) and answers an HTML page without the console's headers.
 */
@WebServlet("/admin")
public class ConsoleRedirect extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", "admin/"); // relative to /admin: the console, under any context path
        response.setContentLength(0);
    }
}
