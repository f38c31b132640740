package portcullis.servers;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import portcullis.fixtures.Deployments;
import portcullis.testkit.ServerProcess;

/**
 * Payara Micro as a process of its own (the kit's {@link ServerProcess}), started with the options the run command
 * uses: the shared servers, and tests that stop, kill, restart or cluster servers.
 */
public final class PayaraMicroProcess implements AutoCloseable {
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    private final ServerProcess process;
    private final URL base;

    private PayaraMicroProcess(ServerProcess process, URL base) {
        this.process = process;
        this.base = base;
    }

    /** Starts the built WAR with its Derby database in {@code dataDirectory}, and waits until it answers. */
    public static PayaraMicroProcess start(Path dataDirectory, String name) throws IOException {
        return start(Deployments.BUILT_WAR.toPath(), dataDirectory, name, Map.of(), "api/user");
    }

    /**
     * Starts {@code war} with the given system properties, and waits until {@code probePath} answers 401 (every
     * app started here protects it), which a failed deployment's 404 never does.
     */
    public static PayaraMicroProcess start(Path war, Path dataDirectory, String name,
            Map<String, String> systemProperties, String probePath) throws IOException {
        return start(war, dataDirectory, name, systemProperties, probePath, 401);
    }

    /** As above, ready when {@code probePath} answers {@code readyStatus}. */
    public static PayaraMicroProcess start(Path war, Path dataDirectory, String name,
            Map<String, String> systemProperties, String probePath, int readyStatus) throws IOException {
        return start(war, dataDirectory, name, systemProperties, probePath, readyStatus, List.of("--nocluster"));
    }

    /**
     * As {@link #start(Path, Path, String, Map, String)}, but launched by {@code launch} (JVM options, then
     * {@code -jar} and a jar: the launcher of a persistent root directory with a class-data archive, say). A
     * launcher finds the server's libraries in its root directory, so {@code --addlibs} is left out.
     */
    public static PayaraMicroProcess start(Path war, Path dataDirectory, String name,
            Map<String, String> systemProperties, String probePath, List<String> launch) throws IOException {
        return start(war, dataDirectory, name, systemProperties, probePath, 401, List.of("--nocluster"), launch,
                Map.of());
    }

    /**
     * Starts member {@code index} of a Payara Micro cluster whose members are all on loopback at
     * {@code hazelcastPorts} (Payara's own Hazelcast, TCP/IP discovery: the flags of ../shared/STACK.md).
     */
    public static PayaraMicroProcess startClusterMember(String name, List<Integer> hazelcastPorts, int index,
            Map<String, String> systemProperties) throws IOException {
        String members = hazelcastPorts.stream().map(port -> "127.0.0.1:" + port)
                .collect(java.util.stream.Collectors.joining(","));
        Path target = Path.of(System.getProperty("portcullis.target", "target"));
        return start(Deployments.BUILT_WAR.toPath(), target.resolve(name + "-data"), name, systemProperties,
                "api/user", 401, List.of("--clustermode", "tcpip:" + members, "--interfaces", "127.0.0.1",
                        "--startport", String.valueOf(hazelcastPorts.get(index)), "--name", name));
    }

    private static PayaraMicroProcess start(Path war, Path dataDirectory, String name,
            Map<String, String> systemProperties, String probePath, int readyStatus, List<String> clusterOptions)
            throws IOException {
        return start(war, dataDirectory, name, systemProperties, probePath, readyStatus, clusterOptions,
                List.of("-jar", System.getProperty("payara.micro.jar", "target/payara-micro.jar")), Map.of());
    }

    /** Starts {@code war} with {@code environment} added to the server's (the database's name, say). */
    public static PayaraMicroProcess start(Path war, Path dataDirectory, String name,
            Map<String, String> environment) throws IOException {
        return start(war, dataDirectory, name, Map.of(), "api/user", 401, List.of("--nocluster"),
                List.of("-jar", System.getProperty("payara.micro.jar", "target/payara-micro.jar")), environment);
    }

    private static PayaraMicroProcess start(Path war, Path dataDirectory, String name,
            Map<String, String> systemProperties, String probePath, int readyStatus, List<String> clusterOptions,
            List<String> launch, Map<String, String> environment) throws IOException {
        int port = FreePort.any();
        Path target = Path.of(System.getProperty("portcullis.target", "target"));
        Path log = target.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx512m", // the heap flags the benchmark gives Keycloak too
                "-Dhazelcast.phone.home.enabled=false"));
        // The tests' JVM options (the client compiler only), never the benchmark's
        Arrays.stream(System.getProperty("portcullis.it.server-jvm-options", "").split(" "))
                .filter(option -> !option.isBlank()).forEach(command::add);
        command.addAll(List.of(
                "-Dderby.system.home=" + dataDirectory.toAbsolutePath(),
                "-Djava.io.tmpdir=" + target.toAbsolutePath()));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(launch);
        command.addAll(List.of("--port", String.valueOf(port)));
        command.addAll(clusterOptions);
        command.addAll(microOptions(launch.get(launch.size() - 1).endsWith("launch-micro.jar")));
        command.addAll(List.of("--contextroot", "/", "--deploy", war.toAbsolutePath().toString()));
        PayaraMicroProcess server = new PayaraMicroProcess(ServerProcess.start(command, environment, log),
                new URL("http://localhost:" + port + "/"));
        try {
            server.process.awaitAnswer(server.base.toURI().resolve(probePath),
                    reply -> reply.statusCode() == readyStatus, STARTUP_LIMIT);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return server;
    }

    /** The run command's Payara Micro options; a launcher jar takes them without {@code --addlibs DIR}. */
    private static List<String> microOptions(boolean launcher) {
        List<String> options = new ArrayList<>(Arrays.asList(System.getProperty("payara.micro.options", "")
                .split(" ")));
        int addlibs = options.indexOf("--addlibs");
        if (launcher && addlibs >= 0) {
            options.subList(addlibs, addlibs + 2).clear();
        }
        return options;
    }

    public URL base() {
        return base;
    }

    public long pid() {
        return process.pid();
    }

    /** What {@code kill -9} does: no shutdown hooks, no goodbye to the cluster. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }

    public String log() throws IOException {
        return process.log();
    }
}
