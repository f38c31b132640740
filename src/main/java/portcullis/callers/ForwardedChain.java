package portcullis.callers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The addresses a request passed through, oldest first, as proxies record them: {@code X-Forwarded-For: client,
 * proxy1} or RFC 7239 {@code Forwarded: for=client, for=proxy1}. Several header lines count as one list in their
 * order. An element that names no address ({@code unknown}, an obfuscated {@code _name}, garbage) stays in the list
 * as written: whoever reads the chain decides what an unreadable hop means.
 */
final class ForwardedChain {

    private ForwardedChain() {
    }

    static List<String> fromXForwardedFor(List<String> headerLines) {
        List<String> hops = new ArrayList<>();
        for (String line : headerLines) {
            for (String hop : line.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    static List<String> fromForwarded(List<String> headerLines) {
        List<String> hops = new ArrayList<>();
        for (String line : headerLines) {
            for (String element : line.split(",", -1)) {
                hops.add(forParameter(element));
            }
        }
        return hops;
    }

    /** The {@code for} parameter of one forwarded-element, unquoted; empty when it has none. */
    private static String forParameter(String element) {
        for (String pair : element.split(";", -1)) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
                String value = pair.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return "";
    }
}
