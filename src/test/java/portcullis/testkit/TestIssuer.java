package portcullis.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A token issuer for tests, with keys of its own: it serves its JWKS and OIDC discovery on loopback, as Portcullis
 * does, and mints tokens shaped as Portcullis's ({@link #token()}). Point an application's MicroProfile JWT at it
 * with {@link #mpJwtConfig()} (the Arquillian extension does it for test classes annotated
 * {@link TrustsTestIssuer}). Inside the server under test (in-container tests) {@link #shared()} is a copy that mints
 * with the same keys; the key set itself is served by the test JVM.
 */
public final class TestIssuer implements AutoCloseable {
    /** Where the extension puts the shared issuer's address and keys in a test deployment (test archives only). */
    static final String RESOURCE = "META-INF/portcullis-testkit.properties";
    private static TestIssuer shared;

    private final TestKeys keys;
    private final String issuer;
    private final HttpServer server;

    private TestIssuer(TestKeys keys, String issuer, HttpServer server) {
        this.keys = keys;
        this.issuer = issuer;
        this.server = server;
    }

    /** A new issuer on a free loopback port. */
    public static TestIssuer start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestKeys keys = new TestKeys();
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        TestIssuer started = new TestIssuer(keys, issuer, server);
        server.createContext("/.well-known/jwks.json", exchange -> started.answer(exchange,
                keys.published().toString()));
        server.createContext("/.well-known/openid-configuration", exchange -> started.answer(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + started.jwksUrl()
                        + "\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        server.start();
        return started;
    }

    /**
     * The issuer of this test JVM, started at first use; inside a deployment the extension prepared, the copy of the
     * test JVM's issuer (same address, same keys).
     */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = insideTheServer().orElseGet(TestIssuer::start);
        }
        return shared;
    }

    private static java.util.Optional<TestIssuer> insideTheServer() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream copy = loader == null ? null : loader.getResourceAsStream(RESOURCE)) {
            if (copy == null) {
                return java.util.Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(copy);
            return java.util.Optional.of(new TestIssuer(TestKeys.fromPrivateJson(properties.getProperty("keys")),
                    properties.getProperty("issuer"), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The {@code iss} of its tokens: {@code http://127.0.0.1:<port>}. */
    public String issuer() {
        return issuer;
    }

    public String jwksUrl() {
        return issuer + "/.well-known/jwks.json";
    }

    /** A token to shape and sign: {@code token().email("ada@corp.example").groups("developer").sign()}. */
    public TestToken token() {
        return new TestToken(this);
    }

    /**
     * Rotates as Portcullis does: the next key (published all along) signs from now on, the old one stays published
     * (its tokens keep working), and a new next key is published. Served by the test JVM's issuer.
     */
    public void rotateKeys() {
        keys.rotate();
    }

    /** Stops publishing retired keys (as Portcullis does once their last token expired, or in an emergency). */
    public void dropRetiredKeys() {
        keys.dropRetired();
    }

    /**
     * The MicroProfile JWT configuration that trusts this issuer: {@code mp.jwt.verify.publickey.location} (the
     * JWKS), {@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.audiences} (Portcullis's default audience, so that a
     * token meant for another service is refused) and the algorithm, as {@code microprofile-config.properties} lines.
     */
    public String mpJwtConfig() {
        return "mp.jwt.verify.publickey.location=" + jwksUrl() + "\n"
                + "mp.jwt.verify.issuer=" + issuer + "\n"
                + "mp.jwt.verify.audiences=" + TestToken.PORTCULLIS_AUDIENCE + "\n"
                + "mp.jwt.verify.publickey.algorithm=RS256\n";
    }

    /** What a deployment needs to hold a copy of this issuer (its address and keys, private parts included). */
    String copyForDeployment() {
        Properties properties = new Properties();
        properties.setProperty("issuer", issuer);
        properties.setProperty("keys", keys.toPrivateJson());
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            properties.store(text, "Portcullis test kit: test keys, never a real issuer's");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    TestKeys keys() {
        return keys;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
