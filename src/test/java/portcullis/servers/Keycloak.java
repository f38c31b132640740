package portcullis.servers;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import portcullis.fixtures.Folders;
import portcullis.fixtures.PageServer;

/**
 * A real Keycloak ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by the build under target/) on loopback, in
 * development mode (its own dev-file database, HTTP), with the realms of the given test resources imported at start.
 * It runs on the newest JDK 21+ under /usr/lib/jvm (Keycloak 26 needs 21). Its bootstrap administrator is used for
 * the admin REST API: rotating realm keys, changing users.
 */
public final class Keycloak implements AutoCloseable {
    public static final String PASSWORD = "Analytical-Engine-1843";
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "keycloak-admin-secret";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final String BUILT_MARKER = ".built-for-production";

    private final Path home;
    private final int port;
    private final String host;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    private Keycloak(Path home, String host, int port) {
        this.home = home;
        this.host = host;
        this.port = port;
    }

    /** A Keycloak started elsewhere (such as CI's {@code .ci/keycloak}), at {@code base}: tokens only, no admin API. */
    public static Keycloak running(URI base) {
        return new Keycloak(null, base.getHost(), base.getPort());
    }

    /** Starts Keycloak with the realms in {@code realmResources} (classpath resources, Keycloak's realm JSON). */
    public static Keycloak start(String... realmResources) {
        Path home = distribution();
        try {
            Folders.deleteTree(home.resolve("data"));
            importRealms(home, realmResources);
            Keycloak keycloak = new Keycloak(home, "127.0.0.1", PageServer.freePort());
            keycloak.startProcess(List.of("start-dev", "--import-realm", "--cache=local"));
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keycloak in production mode, as an estate runs it: the distribution copied to {@code home} and built there
     * once ({@code kc.sh build}: dev-file database, local cache), then {@code kc.sh start --optimized}, HTTP on
     * loopback. Its data stays in {@code home} from one start to the next; {@code realmResources} are imported if
     * given (the first start).
     */
    public static Keycloak startOptimized(Path home, String... realmResources) {
        try {
            if (!Files.exists(home.resolve(BUILT_MARKER))) {
                Folders.deleteTree(home);
                copyTree(distribution(), home);
                run(home, List.of("build", "--db=dev-file", "--cache=local"));
                Files.createFile(home.resolve(BUILT_MARKER));
            }
            importRealms(home, realmResources);
            Keycloak keycloak = new Keycloak(home, "127.0.0.1", PageServer.freePort());
            List<String> arguments = new ArrayList<>(List.of("start", "--optimized", "--http-enabled=true",
                    "--hostname-strict=false"));
            if (realmResources.length > 0) {
                arguments.add("--import-realm");
            }
            keycloak.startProcess(arguments);
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path distribution() {
        Path home = Path.of(System.getProperty("portcullis.keycloak.home", "target/keycloak")).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(home + " is missing: the build unpacks it (mvn verify)");
        }
        return home;
    }

    private static void importRealms(Path home, String... realmResources) throws IOException {
        Path imports = Files.createDirectories(home.resolve("data/import"));
        for (String resource : realmResources) {
            try (InputStream realm = Keycloak.class.getClassLoader().getResourceAsStream(resource)) {
                Files.write(imports.resolve(Path.of(resource).getFileName()), realm.readAllBytes());
            }
        }
    }

    private void startProcess(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString()));
        command.addAll(arguments);
        command.addAll(List.of("--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + PageServer.freePort()));
        process = environment(new ProcessBuilder(command), home)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("keycloak.log").toFile()))
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see "
                        + home.resolve("keycloak.log"));
            }
            if (ready()) {
                return;
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Keycloak did not start in " + START_TIMEOUT + "; see "
                + home.resolve("keycloak.log"));
    }

    /** Runs {@code kc.sh} with {@code arguments} to its end (such as {@code build}). */
    private static void run(Path home, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString()));
        command.addAll(arguments);
        Process build = environment(new ProcessBuilder(command), home)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("keycloak-build.log").toFile()))
                .start();
        try {
            if (!build.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh " + arguments + " failed; see "
                        + home.resolve("keycloak-build.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ProcessBuilder environment(ProcessBuilder builder, Path home) {
        builder.directory(home.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", javaHome().toString());
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        String testOptions = System.getProperty("portcullis.it.server-jvm-options", ""); // the tests', not the benchmark's
        if (!testOptions.isBlank()) {
            environment.put("JAVA_OPTS_APPEND", testOptions);
        }
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return builder;
    }

    /** The Keycloak JVM ({@code kc.sh} starts it as a child process), for its resident memory. */
    public long javaPid() {
        return process.descendants()
                .filter(child -> child.info().command().filter(command -> command.endsWith("/java")).isPresent())
                .findFirst().orElseThrow(() -> new IllegalStateException("Keycloak's JVM is not running"))
                .pid();
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + "/realms/master")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** The newest JDK of version 21 or later under /usr/lib/jvm ({@code -Dportcullis.keycloak.java-home} wins). */
    static Path javaHome() {
        Optional<String> configured = Optional.ofNullable(System.getProperty("portcullis.keycloak.java-home"));
        if (configured.isPresent()) {
            return Path.of(configured.get());
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> featureVersion(jdk) >= 21)
                    .max(Comparator.comparingInt(Keycloak::featureVersion))
                    .orElseThrow(() -> new IllegalStateException("Keycloak needs Java 21+: none under /usr/lib/jvm"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int featureVersion(Path jdk) {
        try {
            return Files.readAllLines(jdk.resolve("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.replaceAll("[^0-9.]", "").split("\\.")[0])
                    .mapToInt(Integer::parseInt).findFirst().orElse(0);
        } catch (IOException | NumberFormatException noRelease) {
            return 0;
        }
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://" + host + ":" + port;
    }

    /** The issuer of a realm's tokens, asked for at this port (in development mode the issuer follows the URL). */
    public String issuer(String realm) {
        return base() + "/realms/" + realm;
    }

    /**
     * The tokens a user gets from a realm's client by the password grant ({@code access_token}, {@code id_token}),
     * asked through {@code base} (Keycloak's own address, or a proxy in front of it).
     */
    public JsonObject tokens(String base, String realm, String client, String username) {
        return Json.createReader(new java.io.StringReader(tokenResponse(base, realm, client, username))).readObject();
    }

    /** The token endpoint's answer to the password grant, as sent. */
    public String tokenResponse(String base, String realm, String client, String username) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "password", "client_id", client, "username", username,
                        "password", PASSWORD, "scope", "openid"))).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.body());
        }
        return response.body();
    }

    public JsonObject tokens(String realm, String client, String username) {
        return tokens(base(), realm, client, username);
    }

    public String accessToken(String realm, String client, String username) {
        return tokens(realm, client, username).getString("access_token");
    }

    /** Adds a new RSA signing key to the realm, above the current one: Keycloak signs with it from now on. */
    public void rotateKeys(String realm, int priority) {
        String realmId = admin("GET", "/admin/realms/" + realm, null).asJsonObject().getString("id");
        admin("POST", "/admin/realms/" + realm + "/components", Json.createObjectBuilder()
                .add("name", "rsa-rotated-" + priority)
                .add("providerId", "rsa-generated")
                .add("providerType", "org.keycloak.keys.KeyProvider")
                .add("parentId", realmId)
                .add("config", Json.createObjectBuilder()
                        .add("priority", Json.createArrayBuilder().add(String.valueOf(priority)))
                        .add("algorithm", Json.createArrayBuilder().add("RS256"))
                        .add("keySize", Json.createArrayBuilder().add("2048")))
                .build().toString());
    }

    /**
     * Adds an RSA key whose private part the caller holds to the realm's keys, below Keycloak's own (published in
     * its JWKS, never used by Keycloak to sign): tokens the caller signs with it verify as the realm's. Answers the
     * {@code kid} Keycloak publishes it under.
     */
    public String importSigningKey(String realm, java.security.KeyPair key) {
        String realmId = admin("GET", "/admin/realms/" + realm, null).asJsonObject().getString("id");
        String pem = "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(key.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        admin("POST", "/admin/realms/" + realm + "/components", Json.createObjectBuilder()
                .add("name", "rsa-imported-" + System.nanoTime())
                .add("providerId", "rsa")
                .add("providerType", "org.keycloak.keys.KeyProvider")
                .add("parentId", realmId)
                .add("config", Json.createObjectBuilder()
                        .add("privateKey", Json.createArrayBuilder().add(pem))
                        .add("priority", Json.createArrayBuilder().add("1"))
                        .add("algorithm", Json.createArrayBuilder().add("RS256"))
                        .add("active", Json.createArrayBuilder().add("true"))
                        .add("enabled", Json.createArrayBuilder().add("true")))
                .build().toString());
        java.math.BigInteger modulus = ((java.security.interfaces.RSAPublicKey) key.getPublic()).getModulus();
        String encoded = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned(modulus));
        return admin("GET", "/realms/" + realm + "/protocol/openid-connect/certs", null).asJsonObject()
                .getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(jwk -> encoded.equals(jwk.getString("n", "")))
                .map(jwk -> jwk.getString("kid"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Keycloak does not publish the imported key"));
    }

    private static byte[] unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** Changes a user's attributes (such as {@code email}) through the admin API. */
    public void updateUser(String realm, String username, JsonObject changes) {
        admin("PUT", "/admin/realms/" + realm + "/users/" + userId(realm, username), changes.toString());
    }

    /** Takes a user out of a group. */
    public void leaveGroup(String realm, String username, String group) {
        String groupId = admin("GET", "/admin/realms/" + realm + "/groups?exact=true&search="
                + URLEncoder.encode(group, StandardCharsets.UTF_8), null).asJsonArray().getJsonObject(0).getString("id");
        admin("DELETE", "/admin/realms/" + realm + "/users/" + userId(realm, username) + "/groups/" + groupId, null);
    }

    private String userId(String realm, String username) {
        return admin("GET", "/admin/realms/" + realm + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null).asJsonArray().getJsonObject(0)
                .getString("id");
    }

    private JsonValue admin(String method, String path, String json) {
        HttpResponse<String> token = send(HttpRequest.newBuilder(
                        URI.create(base() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", ADMIN,
                        "password", ADMIN_PASSWORD))).build());
        String adminToken = Json.createReader(new java.io.StringReader(token.body())).readObject()
                .getString("access_token");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + adminToken)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? JsonValue.NULL
                : Json.createReader(new java.io.StringReader(response.body())).readValue();
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(new LinkedHashMap<>(fields).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the process (and its children) and waits for it. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path copy = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else if (!path.startsWith(from.resolve("data"))) {
                    Files.copy(path, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
