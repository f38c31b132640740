package portcullis.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import portcullis.fixtures.Deployments;
import portcullis.fixtures.TestDatabase;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.operations.StartupWatch.Answer;
import portcullis.servers.OwnServers;
import portcullis.servers.PayaraMicroProcess;

/**
 * Restarts a load balancer can trust: a node killed with {@code kill -9} and started again says ready only once it
 * serves the API, never says ready and then not, deploys the application once, and from its first ready answer on
 * answers every request with the application's own JSON; before that, once Payara's web container is up, whatever
 * answers is a JSON 503 (src/payara: Payara's own answers while the application deploys) or the application's JSON. On the two-node cluster (the production page's
 * cluster script, PostgreSQL) under load on both nodes, and for the run command's server restarted on the same data.
 */
@Tag("slow")
@OwnServers
public class NodeRestartIT {
    private static final Duration STEADY = Duration.ofSeconds(5);
    private static final Duration LIMIT = Duration.ofSeconds(180);

    @Test
    public void aClusterNodeKilledUnderLoadAndRestartedByTheClusterScriptServesFromItsFirstReadyAnswer()
            throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "the cluster runs over PostgreSQL");
        int httpBase = consecutiveFreePorts();
        int hazelcastBase = consecutiveFreePorts();
        Path work = Files.createTempDirectory(Path.of(System.getProperty("portcullis.target", "target")),
                "restart-cluster-");
        Process cluster = clusterScript(work, httpBase, hazelcastBase, "2");
        Process restarted = null;
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger failedOnA = new AtomicInteger();
        List<Thread> load = new ArrayList<>();
        try {
            URI nodeA = URI.create("http://127.0.0.1:" + httpBase + "/");
            URI nodeB = URI.create("http://127.0.0.1:" + (httpBase + 1) + "/");
            awaitServing(nodeA);
            awaitServing(nodeB);
            Registered user = TestUsers.register(new Api(nodeA.toURL()));
            for (int i = 0; i < 3; i++) { // steady load on both nodes, as the operator's three clients
                Thread client = new Thread(() -> {
                    Api a = api(nodeA);
                    while (loading.get()) {
                        try {
                            if (a.get("user", "Authorization", "Token " + user.token()).status() != 200) {
                                failedOnA.incrementAndGet();
                            }
                        } catch (RuntimeException refused) {
                            failedOnA.incrementAndGet();
                        }
                        try {
                            api(nodeB).get("user", "Authorization", "Token " + user.token());
                        } catch (RuntimeException nodeBDown) {
                            // refused while B is down: what the balancer routes around
                        }
                    }
                });
                client.start();
                load.add(client);
            }
            Thread.sleep(2000);

            killNode(cluster, "node-1");
            Thread.sleep(2000);
            Instant launched = Instant.now();
            restarted = clusterScript(work, httpBase, hazelcastBase, "2", "1");
            List<Answer> answers = new StartupWatch(launched, nodeB, user.token()).watch(STEADY, LIMIT);

            assertOnlyJsonAndServingFromFirstReady(answers, "cluster node B");
            assertEquals(0, failedOnA.get(), "node A failed requests while B restarted");
            assertEquals(1, Files.readString(work.resolve("node-1.log")).split("was successfully deployed", -1).length
                    - 1, "node B deployed the application more than once");
            System.out.println("Cluster node restart: launch -> first ready " + StartupWatch.first(answers,
                    "health/ready", 200) + " ms, -> first API answer " + StartupWatch.first(answers, "api/user", 200)
                    + " ms");
        } finally {
            loading.set(false);
            for (Thread client : load) {
                client.join(10_000);
            }
            stop(restarted);
            stop(cluster);
        }
    }

    @Test
    public void theRunCommandsServerRestartedOnTheSameDataServesFromItsFirstReadyAnswer() throws Exception {
        assumeTrue(!TestDatabase.isPostgres(), "the run command's embedded Derby");
        Path data = Files.createTempDirectory(Path.of(System.getProperty("portcullis.target", "target")),
                "restart-run-");
        Registered user;
        try (PayaraMicroProcess first = PayaraMicroProcess.start(data, "restart-run-first")) {
            user = TestUsers.register(new Api(first.base()));
            first.kill();
        }
        int port = consecutiveFreePorts();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        Instant launched = Instant.now();
        Process second = runCommandServer(data, port);
        try {
            List<Answer> answers = new StartupWatch(launched, base, user.token()).watch(STEADY, LIMIT);
            assertOnlyJsonAndServingFromFirstReady(answers, "the restarted run command");
            System.out.println("Run command restart: launch -> first ready " + StartupWatch.first(answers,
                    "health/ready", 200) + " ms, -> first API answer " + StartupWatch.first(answers, "api/user", 200)
                    + " ms");
        } finally {
            stop(second);
        }
    }

    private static void assertOnlyJsonAndServingFromFirstReady(List<Answer> answers, String what) {
        long ready = StartupWatch.first(answers, "health/ready", 200);
        assertTrue(ready >= 0, what + " never answered ready:" + StartupWatch.summary(answers));
        // Payara's connector answers for a second before its web container is there (its own HTML 404, a page built
        // into Payara's kernel that nothing configures); from the web container's first answer on, all is JSON
        long webContainer = answers.stream().filter(Answer::isJson).mapToLong(Answer::millis).findFirst().orElse(-1);
        for (Answer answer : answers) {
            if (answer.millis() < webContainer) {
                String seen = what + ": before the web container's first answer (" + webContainer + " ms): " + answer;
                assertTrue(answer.refused() || answer.status() == 404, seen);
                continue;
            }
            if (answer.millis() <= ready) {
                // Payara's 503 while the application deploys, then the application's own answers (its JSON 404 for
                // /health/ready in the moment before Payara's health endpoint is there), never a page or an empty 500
                String seen = what + ": starting (ready at " + ready + " ms): " + answer;
                assertTrue(answer.isJson() && !answer.body().isBlank(), seen);
                continue;
            }
            String seen = what + ": after the first ready answer (" + ready + " ms): " + answer;
            assertTrue(answer.isJson(), seen);
            assertEquals(200, answer.status(), seen);
        }
        assertTrue(answers.stream().anyMatch(a -> a.path().equals("api/user") && a.status() == 503 && a.isJson()
                && a.body().contains("\"errors\"")), what + ": no JSON 503 while it deployed:"
                + StartupWatch.summary(answers));
        assertTrue(answers.stream().anyMatch(a -> a.path().equals("api/user") && a.status() == 200), what);
    }

    private static Process clusterScript(Path work, int httpBase, int hazelcastBase, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "server-config/payara-micro/cluster"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("cluster-script.log").toFile()));
        builder.environment().putAll(Map.of("PORTCULLIS_CLUSTER_HTTP_PORT", String.valueOf(httpBase),
                "PORTCULLIS_CLUSTER_HAZELCAST_PORT", String.valueOf(hazelcastBase),
                "PORTCULLIS_CLUSTER_ROOT", work.resolve("roots").toString(),
                "PORTCULLIS_CLUSTER_LOGS", work.toString()));
        return builder.start();
    }

    /**
     * The run command's server: the pom's Payara Micro options, the built WAR, its data folder, and a root folder
     * emptied first, as the run command's {@code package} does (a root that kept its application deploys it twice).
     */
    private static Process runCommandServer(Path data, int port) throws IOException {
        Path target = Path.of(System.getProperty("portcullis.target", "target"));
        Path root = target.resolve("restart-run-root");
        if (Files.exists(root)) {
            try (java.util.stream.Stream<Path> files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Dhazelcast.phone.home.enabled=false",
                "-Dderby.system.home=" + data.toAbsolutePath(), "-Djava.io.tmpdir=" + target.toAbsolutePath(), "-jar",
                System.getProperty("payara.micro.jar", "target/payara-micro.jar"), "--nocluster", "--port",
                String.valueOf(port), "--rootdir", target.resolve("restart-run-root").toAbsolutePath().toString()));
        for (String option : System.getProperty("payara.micro.options", "").split(" ")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.addAll(List.of("--contextroot", "/", "--deploy", Deployments.BUILT_WAR.getAbsolutePath()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(target.resolve("restart-run-second.log").toFile()).start();
    }

    private static void killNode(Process script, String name) throws InterruptedException {
        ProcessHandle node = script.descendants()
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of()).contains(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no process of " + name));
        node.destroyForcibly(); // SIGKILL: no shutdown hooks, no goodbye to the cluster
        node.onExit().toCompletableFuture().join();
    }

    private static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        process.waitFor(60, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            child.onExit().completeOnTimeout(child, 60, TimeUnit.SECONDS).join();
            child.destroyForcibly();
        }
    }

    private static void awaitServing(URI node) throws InterruptedException {
        Instant deadline = Instant.now().plus(LIMIT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (api(node).get("user").status() == 401) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // refused while it starts
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(node + " did not come up");
    }

    private static Api api(URI node) {
        try {
            return new Api(node.toURL());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A port whose next one is free too: node i of the cluster script listens on base + i. */
    private static int consecutiveFreePorts() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            try (ServerSocket first = new ServerSocket(base); ServerSocket second = new ServerSocket(base + 1)) {
                return base;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two consecutive free ports");
    }
}
