package portcullis.federation;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider's JWKS URL that the test controls: it serves the real Keycloak key set it mirrors, counts every fetch,
 * and can hang (accept and never answer, like a provider that stopped responding).
 */
final class JwksMirror implements AutoCloseable {
    private final HttpServer server;
    private final URI source;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile CountDownLatch hang = new CountDownLatch(0);

    JwksMirror(URI source) {
        this.source = source;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            try {
                hang.await();
                byte[] keys = http.send(HttpRequest.newBuilder(source).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(keys);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    int fetches() {
        return fetches.get();
    }

    /** From now on every fetch waits without answering, until {@link #answer()}. */
    void hang() {
        hang = new CountDownLatch(1);
    }

    void answer() {
        hang.countDown();
    }

    @Override
    public void close() {
        answer();
        server.stop(0);
    }
}
