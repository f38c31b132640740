package portcullis.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real Portcullis WAR in a Payara Micro process of its own, beside the application under test, for tests that
 * need real logins, revocation or re-authentication: {@code PortcullisServer.start(war, payaraMicroJar, folder,
 * Map.of("portcullis.users.bcrypt-cost", "4"))}. It brings what it runs on: an embedded Derby database in a fresh
 * folder under {@code folder} (the Derby jars are the kit's own dependencies), Portcullis's server settings and
 * library, and a listener on {@code 127.0.0.1} and a free port. Its tokens are its own: the kit never signs with them.
 */
public final class PortcullisServer implements AutoCloseable {
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
    /** One class of each Derby jar Payara Micro needs for the embedded datasource (found, never loaded). */
    private static final List<String> DERBY_CLASSES = List.of("org/apache/derby/impl/jdbc/EmbedConnection.class",
            "org/apache/derby/jdbc/EmbeddedDataSource.class", "org/apache/derby/shared/common/error/StandardException.class");

    private final ServerProcess process;
    private final URI base;
    private final String audience;

    private PortcullisServer(ServerProcess process, URI base, String audience) {
        this.process = process;
        this.base = base;
        this.audience = audience;
    }

    /**
     * Starts the WAR with {@code configuration} (system properties: Portcullis's configuration keys) and its data in
     * a fresh folder under {@code workDirectory}, and waits until it answers.
     */
    public static PortcullisServer start(Path war, Path payaraMicroJar, Path workDirectory,
            Map<String, String> configuration) {
        try {
            int port = freePort();
            Path home = Files.createDirectories(workDirectory.resolve("portcullis-" + port)).toAbsolutePath();
            Path log = home.resolve("server.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-Dhazelcast.phone.home.enabled=false",
                    "-Dderby.system.home=" + home, "-Djava.io.tmpdir=" + home,
                    "-Dportcullis.tokens.issuer=http://127.0.0.1:" + port));
            configuration.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", payaraMicroJar.toAbsolutePath().toString(), "--port", String.valueOf(port),
                    "--nocluster", "--disablephonehome", "--rootdir", home.resolve("root").toString(),
                    "--addlibs", serverLibraries(home.resolve("lib")).toString(),
                    "--prebootcommandfile", preBootCommands(home).toString(),
                    "--postbootcommandfile", copyOf("post-boot-commands.asadmin", home).toString(),
                    "--contextroot", "/", "--deploy", war.toAbsolutePath().toString()));
            ServerProcess process = ServerProcess.start(command, Map.of(), log);
            PortcullisServer server = new PortcullisServer(process, URI.create("http://127.0.0.1:" + port + "/"),
                    configuration.getOrDefault("portcullis.tokens.audience", TestToken.PORTCULLIS_AUDIENCE));
            // Portcullis's own JSON 401: a failed deployment answers 404 and never this
            process.awaitAnswer(server.base.resolve("api/user"), reply -> reply.statusCode() == 401
                    && reply.body().contains("\"errors\""), STARTUP_LIMIT);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where it answers: {@code http://127.0.0.1:<port>/} (its API under {@code api/}). */
    public URI base() {
        return base;
    }

    /** Its {@code iss}, as its tokens carry it. */
    public String issuer() {
        return base.toString().substring(0, base.toString().length() - 1);
    }

    /**
     * The MicroProfile JWT configuration that trusts this Portcullis: its JWKS, issuer and audience (users' own
     * tokens; an integration token, whose audience is its service, is refused).
     */
    public String mpJwtConfig() {
        return "mp.jwt.verify.publickey.location=" + base.resolve(".well-known/jwks.json") + "\n"
                + "mp.jwt.verify.issuer=" + issuer() + "\n"
                + "mp.jwt.verify.audiences=" + audience + "\n"
                + "mp.jwt.verify.publickey.algorithm=RS256\n";
    }

    /** The Derby jars of the test classpath, and Portcullis's own Payara Micro library (its JSON error pages). */
    private static Path serverLibraries(Path folder) throws IOException {
        Files.createDirectories(folder);
        copyOf("portcullis-payara.jar", folder);
        for (String derbyClass : DERBY_CLASSES) {
            URL found = PortcullisServer.class.getClassLoader().getResource(derbyClass);
            if (found == null || !"jar".equals(found.getProtocol())) {
                throw new IllegalStateException("No Derby jar with " + derbyClass + " on the test classpath: the kit "
                        + "declares org.apache.derby:derby, derbytools and derbyshared; were they excluded?");
            }
            String file = found.getPath().substring(0, found.getPath().indexOf("!/"));
            try {
                Path jar = Path.of(new URI(file));
                Files.copy(jar, folder.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return folder;
    }

    /** Portcullis's own pre-boot settings, and the listener on loopback only. */
    private static Path preBootCommands(Path home) throws IOException {
        Path commands = copyOf("pre-boot-commands.asadmin", home);
        Files.writeString(commands, "\nset configs.config.server-config.network-config.network-listeners"
                + ".network-listener.http-listener.address=127.0.0.1\n", java.nio.file.StandardOpenOption.APPEND);
        return commands;
    }

    private static Path copyOf(String resource, Path home) throws IOException {
        try (InputStream in = PortcullisServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The kit lacks its resource " + resource);
            }
            Path copy = home.resolve(resource);
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        }
    }

    @Override
    public void close() {
        process.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
