package portcullis;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Serves a browser client's static files (from the test classpath) on a loopback port of its own: the client's
 * origin, as a single-page app is served apart from its API. {@code /sandboxed/} serves the same files in a CSP
 * sandbox, whose requests carry {@code Origin: null}.
 */
public final class PageServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript", "css", "text/css");

    private final HttpServer server;

    private PageServer(HttpServer server) {
        this.server = server;
    }

    public static PageServer start(int port, String classpathFolder) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            boolean sandboxed = path.startsWith("/sandboxed/");
            String file = path.substring(path.lastIndexOf('/') + 1);
            try (exchange; InputStream in = PageServer.class.getResourceAsStream("/" + classpathFolder + "/" + file)) {
                if (in == null || file.isEmpty()) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = in.readAllBytes();
                exchange.getResponseHeaders().add("Content-Type",
                        TYPES.getOrDefault(file.substring(file.lastIndexOf('.') + 1), "application/octet-stream"));
                if (sandboxed) {
                    exchange.getResponseHeaders().add("Content-Security-Policy", "sandbox allow-scripts");
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return new PageServer(server);
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
