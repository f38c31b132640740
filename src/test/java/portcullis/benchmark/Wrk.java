package portcullis.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives an endpoint with wrk (Debian package {@code wrk}) and reads its report. */
final class Wrk {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("\\s(50|99)%\\s+([0-9.]+)(us|ms|s)\\b");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    record Result(String name, double requestsPerSecond, double p50Millis, double p99Millis, long errors) {
    }

    private final Path scripts;

    Wrk(Path scripts) {
        this.scripts = scripts;
    }

    static void requireInstalled() {
        try {
            new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("wrk is not installed: apt-get install -y wrk", e);
        }
    }

    Result get(String name, String url, Duration duration, int connections, String... headers) throws Exception {
        return run(name, url, duration, connections, null, headers);
    }

    Result postJson(String name, String url, String body, Duration duration, int connections) throws Exception {
        return post(name, url, "application/json", body, duration, connections);
    }

    Result postForm(String name, String url, String body, Duration duration, int connections) throws Exception {
        return post(name, url, "application/x-www-form-urlencoded", body, duration, connections);
    }

    private Result post(String name, String url, String contentType, String body, Duration duration, int connections)
            throws Exception {
        Path script = scripts.resolve(name.replaceAll("[^a-zA-Z0-9]", "_") + ".lua");
        Files.writeString(script, "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"" + contentType
                + "\"\nwrk.body = [[" + body + "]]\n");
        return run(name, url, duration, connections, script, new String[0]);
    }

    private Result run(String name, String url, Duration duration, int connections, Path script, String[] headers)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "--latency", "-t", String.valueOf(Math.min(2,
                connections)), "-c", String.valueOf(connections), "-d", duration.toSeconds() + "s", "--timeout", "10s"));
        for (int i = 0; i < headers.length; i += 2) {
            command.addAll(List.of("-H", headers[i] + ": " + headers[i + 1]));
        }
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + report);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(report);
        while (percentile.find()) {
            double millis = toMillis(Double.parseDouble(percentile.group(2)), percentile.group(3));
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(report);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(report);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        Matcher rate = RATE.matcher(report);
        return new Result(name, rate.find() ? Double.parseDouble(rate.group(1)) : Double.NaN, p50, p99, errors);
    }

    private static double toMillis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
