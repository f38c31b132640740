package portcullis.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document lists exactly the routes the application has: every resource method of the classes that
 * ship (target/classes), as "METHOD /path", against every operation of META-INF/openapi.yaml. A route added
 * without documenting it, or documented and then removed, fails the build.
 */
public class OpenApiRoutesTest {
    private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target", "classes");
    private static final Pattern LITERAL_CHOICES = Pattern.compile("[a-z-]+(\\|[a-z-]+)*");
    private static final Pattern OPTIONAL_LAST_LETTER = Pattern.compile("([a-z-]+)([a-z])\\?");
    private static final Pattern DOCUMENTED_PATH = Pattern.compile("^ {2}(/\\S*):\\s*$");
    private static final Pattern DOCUMENTED_METHOD = Pattern.compile("^ {4}(get|put|post|delete|patch|head|options):");

    @Test
    public void theDocumentListsEveryRouteAndNoOther() throws Exception {
        Set<String> served = servedRoutes();
        Set<String> documented = documentedRoutes();

        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> gone = new TreeSet<>(documented);
        gone.removeAll(served);
        assertEquals(Set.of(), undocumented, "routes the server has that openapi.yaml does not list");
        assertEquals(Set.of(), gone, "routes openapi.yaml lists that the server does not have");
    }

    @Test
    public void theRouteScanSeesTheKnownRoutes() throws Exception {
        Set<String> served = servedRoutes();
        // the scan itself must work, or the comparison above proves nothing
        for (String route : List.of("POST /api/users/login", "POST /api/user/login", "POST /api/auth/local",
                "DELETE /api/user", "GET /api/admin/users/{id}", "GET /.well-known/jwks.json")) {
            assertEquals(true, served.contains(route), route + " not in " + served);
        }
    }

    static Set<String> servedRoutes() throws IOException, ClassNotFoundException {
        Set<String> routes = new TreeSet<>();
        List<java.nio.file.Path> classFiles;
        try (Stream<java.nio.file.Path> files = Files.walk(CLASSES)) {
            classFiles = files.filter(file -> file.toString().endsWith(".class")).toList();
        }
        for (java.nio.file.Path file : classFiles) {
            String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, OpenApiRoutesTest.class.getClassLoader());
            Path root = type.getAnnotation(Path.class);
            if (root == null || type.isInterface()) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = "/api/" + root.value() + (sub == null ? "" : "/" + sub.value());
                for (String path : expand(template.replaceAll("/+", "/").replaceAll("(.)/$", "$1"))) {
                    routes.add(verb + " " + (path.startsWith("/api/.well-known/") ? path.substring(4) : path));
                }
            }
        }
        return routes;
    }

    static Set<String> documentedRoutes() throws IOException {
        Set<String> routes = new TreeSet<>();
        String path = null;
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/openapi.yaml"))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher pathLine = DOCUMENTED_PATH.matcher(line);
                Matcher methodLine = DOCUMENTED_METHOD.matcher(line);
                if (pathLine.matches()) {
                    path = pathLine.group(1);
                } else if (!line.startsWith(" ") && !line.isBlank()) {
                    path = null; // left the paths section
                } else if (path != null && methodLine.find()) {
                    routes.add(methodLine.group(1).toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /**
     * A JAX-RS template as the concrete paths a client uses: {@code {path: login|local}} is two paths,
     * {@code {collection: users?}} two ({@code user}, {@code users}), any other {@code {name: regex}} is
     * {@code {name}}.
     */
    private static List<String> expand(String template) {
        int open = template.indexOf('{');
        if (open < 0) {
            return List.of(template);
        }
        int close = open;
        for (int depth = 0; close < template.length(); close++) {
            depth += template.charAt(close) == '{' ? 1 : template.charAt(close) == '}' ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        String inside = template.substring(open + 1, close); // braces of the regex ({1,18}) balanced
        int colon = inside.indexOf(':');
        String name = (colon < 0 ? inside : inside.substring(0, colon)).strip();
        String regex = colon < 0 ? "" : inside.substring(colon + 1).strip();
        List<String> choices = new ArrayList<>();
        Matcher optional = OPTIONAL_LAST_LETTER.matcher(regex);
        if (LITERAL_CHOICES.matcher(regex).matches()) {
            choices.addAll(List.of(regex.split("\\|")));
        } else if (optional.matches()) {
            choices.add(optional.group(1));
            choices.add(optional.group(1) + optional.group(2));
        } else {
            choices.add("{" + name + "}");
        }
        List<String> paths = new ArrayList<>();
        String before = template.substring(0, open);
        String after = template.substring(close + 1);
        for (String choice : choices) {
            for (String rest : expand(after)) {
                paths.add(before + choice + rest);
            }
        }
        return paths;
    }
}
