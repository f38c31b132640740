package portcullis.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A server process with its output in a log file: started, awaited until it answers as deployed, stopped. The one
 * launcher under {@link PortcullisServer} and under Portcullis's own tests' servers. A failed deployment does not
 * stop Payara Micro (it keeps running and answers 404), so a wait also watches the log and fails at once, with the
 * log's exceptions, when the deployment failed.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} with {@code environment} added to this JVM's, its output (and errors) in {@code log}. */
    public static ServerProcess start(List<String> command, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            return new ServerProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code probe} answers as {@code ready} says; stops the server and throws if it never does. */
    public void awaitAnswer(URI probe, Predicate<HttpResponse<String>> ready, Duration limit) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + "; see " + log);
            }
            failIfDeploymentFailed();
            try {
                HttpResponse<String> reply = client.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.test(reply)) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        close();
        throw new IllegalStateException("The server did not answer " + probe + " within " + limit + "; see " + log);
    }

    private void failIfDeploymentFailed() {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException | UncheckedIOException notReadableYet) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Exception while preparing the app")
                    || lines.get(i).contains("Exception while loading the app")) {
                close();
                String cause = lines.stream().skip(Math.max(0, i - 5)).limit(80)
                        .filter(line -> line.contains("Exception")).limit(8).collect(Collectors.joining("\n"));
                throw new IllegalStateException("The deployment failed; see " + log + ":\n" + cause);
            }
        }
    }

    public long pid() {
        return process.pid();
    }

    /** What {@code kill -9} does: no shutdown hooks, no goodbye to a cluster. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** The server's output so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops the server as Ctrl-C would, forcibly after a minute. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100); // short: the benchmark times start-ups with this
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
