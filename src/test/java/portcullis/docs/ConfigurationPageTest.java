package portcullis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The configuration page's table names exactly the keys the code reads: a key added, renamed or dropped in the code
 * without the page (or the other way round) fails the build.
 */
public class ConfigurationPageTest {
    private static final Path PAGE = Path.of("src/site/markdown/configuration.md");
    private static final Path CODE = Path.of("src/main/java/portcullis");
    private static final Path DEFAULTS = Path.of("src/main/resources/META-INF/microprofile-config.properties");
    private static final String DIRECTORY = "portcullis.directory.";
    private static final String FEDERATION = "portcullis.federation.";
    private static final String PROVIDER = FEDERATION + "<name>.";

    private static final Pattern READ_KEY = Pattern.compile(
            "(?:name\\s*=\\s*|[A-Z_]*KEY\\s*=\\s*|getValue\\(|getOptionalValue\\(|getOptionalValues\\()"
                    + "\"(portcullis\\.[a-z0-9.-]+)\"");
    private static final Pattern SUFFIX_AFTER_PREFIX = Pattern.compile("PREFIX \\+ \"([a-z][a-z0-9-]*)\"");
    private static final Pattern SUFFIX_AFTER_PROVIDER = Pattern.compile("key \\+ \"([a-z][a-z0-9-]*)\"");
    private static final Pattern SUFFIX_OF_A_SETTING = Pattern.compile(
            "\\b(?:text|required|list|duration|choice)\\(\"([a-z][a-z0-9-]*)\"");
    private static final Pattern SUFFIX_OF_A_MAPPING = Pattern.compile("prefix \\+ \"([a-z][a-z0-9-]*)\"");
    private static final Pattern TABLE_KEY = Pattern.compile("`(portcullis\\.[^`]+|…[a-z0-9.-]+)`");

    @Test
    public void theTableNamesEveryKeyTheCodeReadsAndNoOther() throws IOException {
        Set<String> inTheCode = keysInTheCode();
        Set<String> onThePage = keysOnThePage();
        Set<String> missing = new TreeSet<>(inTheCode);
        missing.removeAll(onThePage);
        Set<String> unknown = new TreeSet<>(onThePage);
        unknown.removeAll(inTheCode);
        assertEquals(Set.of(), missing, "keys the code reads that " + PAGE + " does not name");
        assertEquals(Set.of(), unknown, "keys " + PAGE + " names that the code does not read");
        assertTrue(inTheCode.size() > 80, () -> "only " + inTheCode.size() + " keys found in the code");
    }

    static Set<String> keysOnThePage() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(PAGE)) {
            if (!line.startsWith("| `portcullis.")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher key = TABLE_KEY.matcher(firstCell);
            String first = null;
            while (key.find()) {
                String name = key.group(1);
                if (first == null) {
                    first = name;
                    keys.add(name);
                } else {
                    keys.add(first.substring(0, first.lastIndexOf('.') + 1) + name.substring(1));
                }
            }
        }
        return keys;
    }

    static Set<String> keysInTheCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CODE)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                READ_KEY.matcher(source).results().map(match -> match.group(1)).forEach(keys::add);
                String name = file.getFileName().toString();
                if (name.equals("DirectorySettings.java")) {
                    addSuffixes(source, SUFFIX_AFTER_PREFIX, DIRECTORY, keys);
                    addSuffixes(source, SUFFIX_OF_A_SETTING, DIRECTORY, keys);
                } else if (name.equals("FederationSettings.java")) {
                    addSuffixes(source, SUFFIX_AFTER_PREFIX, FEDERATION, keys);
                    addSuffixes(source, SUFFIX_OF_A_SETTING, FEDERATION, keys);
                    addSuffixes(source, SUFFIX_AFTER_PROVIDER, PROVIDER, keys);
                } else if (name.equals("GroupMapping.java")) {
                    addSuffixes(source, SUFFIX_OF_A_MAPPING, DIRECTORY, keys);
                    addSuffixes(source, SUFFIX_OF_A_MAPPING, PROVIDER, keys);
                }
            }
        }
        Properties defaults = new Properties();
        try (Reader in = Files.newBufferedReader(DEFAULTS)) {
            defaults.load(in);
        }
        defaults.stringPropertyNames().stream().filter(key -> key.startsWith("portcullis.")).forEach(keys::add);
        return keys;
    }

    private static void addSuffixes(String source, Pattern pattern, String prefix, Set<String> keys) {
        pattern.matcher(source).results().map(match -> prefix + match.group(1)).forEach(keys::add);
    }
}
