package portcullis.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a load balancer sees of a starting node: from its launch, {@code /health/ready} and an API request, again and
 * again, every answer (or refused connection) kept with its time, until the node has served steadily for a while.
 */
final class StartupWatch {
    /** One look: what was asked, how long after the launch, and the status and type (0 and "" when refused). */
    record Answer(String path, long millis, int status, String type, String body) {
        boolean refused() {
            return status == 0;
        }

        boolean isJson() {
            return type.startsWith("application/json");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final Instant launched;
    private final URI base;
    private final String token;

    StartupWatch(Instant launched, URI base, String token) {
        this.launched = launched;
        this.base = base;
        this.token = token;
    }

    /** Watches until the API has answered 200 for {@code steady} after the first ready answer, or {@code limit}. */
    List<Answer> watch(Duration steady, Duration limit) throws InterruptedException {
        Instant readyAt = null;
        while (Duration.between(launched, Instant.now()).compareTo(limit) < 0) {
            Answer ready = look("health/ready", null);
            look("api/user", token);
            if (readyAt == null && ready.status() == 200) {
                readyAt = Instant.now();
            }
            if (readyAt != null && Duration.between(readyAt, Instant.now()).compareTo(steady) > 0) {
                break;
            }
            Thread.sleep(20);
        }
        return List.copyOf(answers);
    }

    private Answer look(String path, String bearer) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5));
        if (bearer != null) {
            request.header("Authorization", "Token " + bearer);
        }
        Answer answer;
        try {
            HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            answer = new Answer(path, millisSinceLaunch(), reply.statusCode(),
                    reply.headers().firstValue("Content-Type").orElse(""), reply.body());
        } catch (IOException refused) {
            answer = new Answer(path, millisSinceLaunch(), 0, "", refused.getClass().getSimpleName());
        }
        answers.add(answer);
        return answer;
    }

    private long millisSinceLaunch() {
        return Duration.between(launched, Instant.now()).toMillis();
    }

    /** What was seen, in short: each run of equal answers of a path once, with when it began (for failures). */
    static String summary(List<Answer> answers) {
        StringBuilder text = new StringBuilder();
        java.util.Map<String, String> last = new java.util.HashMap<>();
        for (Answer answer : answers) {
            String seen = answer.status() + " " + answer.type() + " " + answer.body().substring(0,
                    Math.min(60, answer.body().length()));
            if (!seen.equals(last.put(answer.path(), seen))) {
                text.append("\n  ").append(answer.millis()).append(" ms ").append(answer.path()).append(": ")
                        .append(seen);
            }
        }
        return text.toString();
    }

    /** Milliseconds from the launch to the first answer of {@code path} with {@code status}; -1 if none. */
    static long first(List<Answer> answers, String path, int status) {
        return answers.stream().filter(a -> a.path().equals(path) && a.status() == status).mapToLong(Answer::millis)
                .findFirst().orElse(-1);
    }
}
