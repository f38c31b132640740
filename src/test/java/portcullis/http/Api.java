package portcullis.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for black-box tests: what a client of either dialect sends, byte for byte. */
public final class Api {
    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";
    // HTTP/1.1, as curl and the seed clients speak it (the JDK client would otherwise try an h2c upgrade).
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;

    /**
     * {@code base} is the server's root, such as {@code http://localhost:8080/}. Requests go to localhost whatever
     * host the URL names (Arquillian reports the machine's address): tests stay on the loopback interface.
     */
    public Api(URL base) {
        this.base = URI.create("http://localhost:" + base.getPort() + "/");
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Reply post(String path, String json, String... headers) {
        return send("POST", path, JSON, json, headers);
    }

    public Reply put(String path, String json, String... headers) {
        return send("PUT", path, JSON, json, headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    /** A DELETE with a JSON body (deleting one's account carries the password). */
    public Reply deleteWith(String path, String json, String... headers) {
        return send("DELETE", path, JSON, json, headers);
    }

    /** {@code headers} are name, value pairs. */
    public Reply send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/" + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
