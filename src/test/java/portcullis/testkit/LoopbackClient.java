package portcullis.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * HTTP calls to a deployment on loopback: {@code LoopbackClient.of(base).get("api/reports/me", token)}. Arquillian
 * may hand a test the machine's outward address (Payara Micro's adapter does); this client keeps the port and context
 * of {@code base} and calls {@code 127.0.0.1}.
 */
public final class LoopbackClient {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;

    private LoopbackClient(URI base) {
        this.base = base;
    }

    /** For the deployment at {@code base} (an {@code @ArquillianResource URL}, or a {@code PortcullisServer}'s). */
    public static LoopbackClient of(URL base) {
        String context = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        return new LoopbackClient(URI.create("http://127.0.0.1:" + base.getPort() + context));
    }

    public static LoopbackClient of(URI base) {
        try {
            return of(base.toURL());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code path} (no leading slash) under the deployment's context. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    /** A GET with {@code Authorization: Bearer token}, or none when {@code token} is null. */
    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** A POST of a JSON body. */
    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any request: build it on {@link #uri(String)}; a 30-second limit is added. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
