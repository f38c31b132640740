package portcullis.payara;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.HttpResponse;
import org.apache.catalina.Request;
import org.apache.catalina.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Payara's error pages as JSON: what the web container answers where the application does not, above all while the
 * application deploys (its context not there yet, or not started, or only Payara's default web module: Payara would
 * send an HTML 404 or 503 and, in between, a 500), and while the server stops. Then a client, or a load balancer's health check, gets a 503 in the
 * application's error shape, with {@code Retry-After}. Any other error the container itself sends keeps its status.
 * The application's own error pages (JSON, WEB-INF/errors) are kept, with their type: the base valve marks every
 * error answer {@code text/html} before it reports. Set as the virtual server's {@code errorReportValve}
 * (server-config/payara-micro/pre-boot-commands.asadmin), from the jar the build puts in {@code target/server-lib}.
 */
public class JsonErrorReportValve extends ErrorReportValve {
    private static final String STARTING = "{\"errors\":{\"server\":[\"is starting or stopping, try again shortly\"]}}";

    @Override
    protected void report(Request request, Response response, Throwable throwable) throws IOException {
        // The connector's own response, not the application's facade (which ignores changes once an error is sent)
        if (!(response instanceof HttpResponse http) || !(response instanceof HttpServletResponse answer)
                || http.getStatus() < 400) {
            return;
        }
        boolean serving = request.getContext() != null && request.getContext().getAvailable();
        if (serving && response.getContentCount() > 0) {
            if ("text/html".equals(answer.getContentType())) {
                answer.setContentType("application/json"); // the application's error page, as it is
            }
            return;
        }
        answer.resetBuffer(); // an error page of a context that has not started yet: not an answer of the application
        // The application answers every path with a body of its own, so a bare 404 means it is not there (yet)
        int status = !serving || http.getStatus() == 404 ? 503 : http.getStatus();
        answer.setStatus(status);
        if (status == 503) {
            answer.setHeader("Retry-After", "5");
        }
        answer.setHeader("Cache-Control", "no-store");
        answer.setContentType("application/json;charset=UTF-8");
        PrintWriter writer = response.getReporter();
        if (writer != null) {
            writer.write(status == 503 ? STARTING : "{\"errors\":{\"request\":[\"could not be served ("
                    + status + ")\"]}}");
        }
    }
}
