package portcullis.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import portcullis.fixtures.Deployments;
import portcullis.servers.HeadlessChromium;

/** The admin console as a browser gets it: first contentful paint in headless Chromium, and the bytes it loads. */
final class ConsoleLoad {
    private static final String FIRST_PAINT = "const paint = performance.getEntriesByName('first-contentful-paint')[0];"
            + " return paint ? paint.startTime : null;";

    private ConsoleLoad() {
    }

    /** Loads {@code root}/admin/ {@code loads} times, each a fresh document; the first contentful paint of each, in ms. */
    static List<Double> firstPaints(String root, int loads) {
        List<Double> paints = new ArrayList<>();
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            for (int i = 0; i < loads; i++) {
                chromium.driver().get(root + "/admin/?load=" + i);
                Object paint = new WebDriverWait(chromium.driver(), java.time.Duration.ofSeconds(10))
                        .until(d -> ((JavascriptExecutor) d).executeScript(FIRST_PAINT));
                paints.add(((Number) paint).doubleValue());
            }
        }
        return paints;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The uncompressed size of everything under admin/ in the built WAR, in KiB. */
    static double kibibytesInWar() throws IOException {
        try (ZipFile war = new ZipFile(Deployments.BUILT_WAR)) {
            return war.stream().filter(entry -> entry.getName().startsWith("admin/") && !entry.isDirectory())
                    .mapToLong(entry -> entry.getSize()).sum() / 1024.0;
        }
    }
}
