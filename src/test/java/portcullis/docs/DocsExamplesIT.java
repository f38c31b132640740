package portcullis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import portcullis.fixtures.Jwt;
import portcullis.fixtures.TestUsers;
import portcullis.fixtures.TestUsers.Registered;
import portcullis.http.Api;
import portcullis.http.Reply;
import portcullis.servers.SharedServer;

/**
 * Every {@code curl} example of the README and the docs pages, run by bash against a real server configured as the
 * README's quick-start: each call must answer the status its example shows ({@code # 204}, {@code # HTTP/1.1 204 …})
 * or else a 2xx. Each block gets a fresh user with the examples' password ({@code $TOKEN}, {@code $USER_ID},
 * {@code $JTI}), the administrator's token ({@code $ADMIN_TOKEN}), a cursor ({@code $NEXT}) and a key id
 * ({@code $LEAKED_KID}). A block behind {@code <!-- not run: why -->} is not run.
 */
@Tag("database-independent")
@SharedServer(administered = true)
public class DocsExamplesIT {
    /** In the order a reader meets them; the admin page last, as it retires a key. */
    static final List<Path> PAGES = Stream.concat(Stream.of("README.md"), Stream.of("conduit", "edumaps", "api",
                    "directory", "federation", "production", "configuration", "testing-your-application", "tests",
                    "benchmark", "layout", "admin").map(page -> "src/site/markdown/" + page + ".md"))
            .map(Path::of).toList();
    private static final Pattern EXPECTED_AT_THE_END = Pattern.compile("#\\s*(\\d{3})\\b");
    private static final Pattern EXPECTED_BELOW = Pattern.compile("^#\\s*HTTP/1\\.1 (\\d{3})\\b");
    private static final Pattern STATUS = Pattern.compile("^HTTP_STATUS (\\d{3})$", Pattern.MULTILINE);
    private static final String WRAPPER = "curl() { command curl --silent --show-error --max-time 20 "
            + "--write-out '%{stderr}HTTP_STATUS %{http_code}\\n' \"$@\"; }\n";

    Api api;
    URL base;

    /** One bash block of a page, with the line it starts at and the status each of its calls must answer. */
    record Example(Path page, int line, String script, List<Integer> expected) {
        @Override
        public String toString() {
            return page + ":" + line;
        }
    }

    @TestFactory
    public Stream<DynamicTest> everyExampleAnswersWhatItShows() throws IOException {
        List<Example> examples = new ArrayList<>();
        for (Path page : PAGES) {
            examples.addAll(examplesOf(page));
        }
        assertTrue(examples.size() >= 15, () -> "only " + examples.size() + " examples found");
        try (Stream<Path> pages = Files.list(Path.of("src/site/markdown"))) {
            List<Path> unlisted = pages.filter(page -> !PAGES.contains(page)).toList();
            assertEquals(List.of(), unlisted, "pages this test does not read");
        }
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.toString(), () -> run(example)));
    }

    static List<Example> examplesOf(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```bash")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (!lines.get(end).startsWith("```")) {
                end++;
            }
            List<String> block = lines.subList(start, end);
            boolean skipped = previousText(lines, i).startsWith("<!-- not run:");
            if (!skipped && block.stream().anyMatch(line -> line.contains("curl "))) {
                examples.add(new Example(page, start, String.join("\n", block), expectedStatuses(block)));
            }
            i = end;
        }
        return examples;
    }

    private static String previousText(List<String> lines, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        return "";
    }

    /** A call ends at the first line without a trailing backslash; its expectation follows it, or 0 for any 2xx. */
    static List<Integer> expectedStatuses(List<String> block) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            String line = block.get(i);
            if (line.strip().startsWith("#") || !line.contains("curl ")) {
                continue;
            }
            while (line.endsWith("\\") && i + 1 < block.size()) {
                line = block.get(++i);
            }
            int comment = line.indexOf(" #");
            Matcher atTheEnd = EXPECTED_AT_THE_END.matcher(comment < 0 ? "" : line.substring(comment + 1));
            Matcher below = EXPECTED_BELOW.matcher(i + 1 < block.size() ? block.get(i + 1).strip() : "");
            expected.add(atTheEnd.lookingAt() ? Integer.valueOf(atTheEnd.group(1))
                    : below.find() ? Integer.valueOf(below.group(1)) : 0);
        }
        return expected;
    }

    private void run(Example example) throws IOException, InterruptedException {
        String admin = TestUsers.admin(api, SharedServer.ADMIN_EMAIL); // "Token <jwt>"
        String name = "reader-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Registered user = TestUsers.register(api, name + "@example.com", name, TestUsers.STRONG_PASSWORD);
        Reply keyList = api.get("admin/keys", "Authorization", admin);
        assertEquals(200, keyList.status(), keyList::toString);
        List<JsonObject> keys = keyList.jsonArray().getValuesAs(JsonObject.class);
        String server = "http://localhost:" + base.getPort();
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", WRAPPER
                + example.script().replace("http://localhost:8080", server).replace("localhost:8080", server));
        Map<String, String> environment = bash.environment();
        environment.put("TOKEN", user.token());
        environment.put("USER_ID", String.valueOf(user.id()));
        environment.put("JTI", Jwt.claims(user.token()).getString("jti"));
        environment.put("ADMIN_TOKEN", admin.substring("Token ".length()));
        environment.put("LEAKED_KID", keys.stream().filter(key -> key.getString("state").equalsIgnoreCase("next"))
                .findFirst().orElse(keys.get(0)).getString("kid"));
        environment.put("NEXT", api.get("admin/users?limit=1", "Authorization", admin).json()
                .getString("next", ""));
        Path output = Files.createTempFile("docs-example", ".out");
        Path errors = Files.createTempFile("docs-example", ".err");
        Process process = bash.redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), example + " did not finish");
        String stderr = Files.readString(errors, StandardCharsets.UTF_8);
        String report = example + "\n" + example.script() + "\n--- stdout:\n"
                + Files.readString(output, StandardCharsets.UTF_8) + "\n--- stderr:\n" + stderr;
        List<Integer> statuses = STATUS.matcher(stderr).results().map(match -> Integer.valueOf(match.group(1)))
                .toList();
        assertEquals(example.expected().size(), statuses.size(), () -> "calls made, " + report);
        for (int i = 0; i < statuses.size(); i++) {
            int want = example.expected().get(i);
            int got = statuses.get(i);
            int call = i + 1;
            assertTrue(want == 0 ? got >= 200 && got < 300 : got == want,
                    () -> "call " + call + " answered " + got + ", " + report);
        }
        assertEquals(0, process.exitValue(), () -> "bash exit status, " + report);
    }
}
