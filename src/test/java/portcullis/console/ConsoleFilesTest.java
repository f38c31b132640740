package portcullis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the console's files must be, checked on the files themselves: small, and with nothing a CSP would block. */
class ConsoleFilesTest {
    private static final Path CONSOLE = Path.of("src/main/webapp/admin");
    private static final long BUDGET = 150 * 1024;

    private static List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(CONSOLE)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void theWholeConsoleWeighsLessThan150KilobytesUncompressed() throws IOException {
        long total = 0;
        for (Path file : files()) {
            total += Files.size(file);
        }
        System.out.printf("console weight: %d bytes in %d files%n", total, files().size());
        assertTrue(total > 0 && total < BUDGET, total + " bytes");
    }

    @Test
    void noInlineScriptStyleOrHandlerAndNoHtmlFromStrings() throws IOException {
        Pattern forbidden = Pattern.compile(
                "<script>|<script(?![^>]*\\bsrc=)[^>]*>|<style|\\sstyle=|\\son[a-z]+=|innerHTML|outerHTML\\s*=|"
                        + "insertAdjacentHTML|document\\.write|\\beval\\(|new Function|localStorage|sessionStorage");
        for (Path file : files()) {
            String text = Files.readString(file);
            var found = forbidden.matcher(text);
            assertTrue(!found.find(), file + " has " + (found.hitEnd() ? "" : found.group()));
        }
    }

    @Test
    void everyModuleTheConsoleImportsIsInTheWar() throws IOException {
        Pattern imports = Pattern.compile("from '\\./([a-z-]+\\.js)'");
        for (Path file : files()) {
            var found = imports.matcher(Files.readString(file));
            while (found.find()) {
                assertTrue(Files.exists(file.resolveSibling(found.group(1))), file + " imports " + found.group(1));
            }
        }
        assertEquals(1, files().stream().filter(f -> f.getFileName().toString().equals("index.html")).count());
    }
}
