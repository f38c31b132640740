package portcullis.testkit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a server writes to this JVM's console while it deploys (Payara Micro's adapter copies the server's output
 * there), kept so that a failed deployment can be reported with the server's own reason.
 */
final class ServerOutput {
    private static final int LIMIT = 4 * 1024 * 1024;

    private final PrintStream console;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

    private ServerOutput(PrintStream console) {
        this.console = console;
    }

    static ServerOutput capture() {
        ServerOutput output = new ServerOutput(System.out);
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                output.console.write(b);
                output.keep(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                output.console.write(bytes, offset, length);
                output.keep(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
        return output;
    }

    private synchronized void keep(byte[] bytes, int offset, int length) {
        if (seen.size() + length <= LIMIT) {
            seen.write(bytes, offset, length);
        }
    }

    /** A log line without Payara's header ({@code [time] [] [SEVERE] [...] [levelValue: 1000] }). */
    private static String message(String line) {
        int header = line.indexOf("[levelValue: ");
        return header < 0 ? line.strip() : line.substring(line.indexOf(']', header) + 1).strip();
    }

    /** Gives the console back, and returns the lines that say why a deployment failed (Weld's, the server's). */
    synchronized List<String> release() {
        System.setOut(console);
        return seen.toString(StandardCharsets.UTF_8).lines()
                .map(line -> line.replaceAll("\u001B\\[[;\\d]*m", "")) // Payara's colours
                .filter(line -> !line.contains("[INFO]") && (line.contains("WELD-") || line.contains("Exception while")
                        || line.contains("DeploymentException")))
                .map(ServerOutput::message).distinct().limit(12).toList();
    }
}
