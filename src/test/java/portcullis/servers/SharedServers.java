package portcullis.servers;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import portcullis.fixtures.Deployments;
import portcullis.fixtures.Folders;
import portcullis.fixtures.TestDatabase;
import portcullis.http.Api;

/**
 * Starts the server a {@link SharedServer} class names, or hands it the one already running with that
 * configuration. {@link ServerConfigurationOrder} runs classes of one configuration one after the other, so at most
 * one shared server runs at a time: the previous one stops when a class needs another configuration, the last one
 * when the suite ends.
 */
public class SharedServers implements TestInstancePostProcessor {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServers.class);
    private static final String CURRENT = "current";

    @Override
    public void postProcessTestInstance(Object test, ExtensionContext context) throws Exception {
        Running server = server(context);
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                if (field.getType() == Api.class) {
                    field.setAccessible(true);
                    field.set(test, new Api(server.base()));
                } else if (field.getType() == URL.class) {
                    field.setAccessible(true);
                    field.set(test, server.base());
                }
            }
        }
    }

    /** The server of the class being run, started if need be. */
    public static Running server(ExtensionContext context)
            throws IOException, SQLException, ClassNotFoundException {
        Class<?> testClass = context.getRequiredTestClass();
        List<String> configuration = ServerConfigurationOrder.configurationOf(testClass, configuredBy(testClass));
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Running current = store.get(CURRENT, Running.class);
        if (current != null && current.configuration.equals(configuration)) {
            return current;
        }
        if (current != null) {
            store.remove(CURRENT);
            current.close();
        }
        Running started = Running.start(configuration, store.getOrComputeIfAbsent("starts", key -> new int[1],
                int[].class));
        store.put(CURRENT, started);
        return started;
    }

    @SuppressWarnings("unchecked")
    private static List<String> configuredBy(Class<?> testClass) {
        String method = testClass.getAnnotation(SharedServer.class) == null ? ""
                : testClass.getAnnotation(SharedServer.class).configuredBy();
        if (method.isEmpty()) {
            return List.of();
        }
        try {
            java.lang.reflect.Method configuration = testClass.getDeclaredMethod(method);
            configuration.setAccessible(true);
            return (List<String>) configuration.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(testClass.getName() + "." + method + "() must be a static List<String>",
                    e);
        }
    }

    static boolean isShared(Class<?> testClass) {
        return AnnotationSupport.isAnnotated(testClass, SharedServer.class);
    }

    /** One shared server; JUnit closes the last one when the suite ends. */
    public static final class Running implements AutoCloseable {
        private final List<String> configuration;
        private final PayaraMicroProcess process;

        private Running(List<String> configuration, PayaraMicroProcess process) {
            this.configuration = configuration;
            this.process = process;
        }

        static Running start(List<String> configuration, int[] starts)
                throws IOException, SQLException, ClassNotFoundException {
            int number = ++starts[0];
            Path folder = Path.of(System.getProperty("portcullis.target", "target"), "shared-servers");
            Files.createDirectories(folder);
            Path war = folder.resolve("shared-" + number + ".war");
            WebArchive archive = Deployments.builtWarConfiguredWith(String.join("\n", configuration) + "\n");
            for (String line : configuration) {
                if (line.startsWith(ServerConfigurationOrder.TEST_CLASS)) {
                    archive.addClass(Class.forName(line.substring(ServerConfigurationOrder.TEST_CLASS.length())));
                }
            }
            archive.as(ZipExporter.class).exportTo(war.toFile(), true);
            Path data = folder.resolve("shared-" + number + "-data");
            Folders.deleteTree(data);
            String database = "portcullis_shared_" + number;
            if (TestDatabase.isPostgres()) {
                createDatabase(database);
            }
            return new Running(configuration, PayaraMicroProcess.start(war, data, "shared-server-" + number,
                    TestDatabase.isPostgres() ? Map.of("PORTCULLIS_DB_NAME", database) : Map.of()));
        }

        public URL base() {
            return process.base();
        }

        public PayaraMicroProcess process() {
            return process;
        }

        @Override
        public void close() {
            process.close();
        }

        private static void createDatabase(String name) throws SQLException {
            try (Connection connection = TestDatabase.open(null); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + name);
            }
        }
    }
}
