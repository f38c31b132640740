package portcullis.callers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address written as a literal (IPv4 dotted quad or IPv6, with or without brackets and port), parsed without
 * ever asking DNS: a header a client controls must not make the server resolve names.
 */
final class IpLiteral {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+):\\d{1,5}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]{2,45})\\](:\\d{1,5})?");

    private IpLiteral() {
    }

    /** {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code 2001:db8::1}, {@code [2001:db8::1]:4711}; else empty. */
    static Optional<InetAddress> parse(String text) {
        String literal = text.strip();
        var withPort = IPV4_WITH_PORT.matcher(literal);
        if (withPort.matches()) {
            literal = withPort.group(1);
        }
        var bracketed = BRACKETED_IPV6.matcher(literal);
        if (bracketed.matches()) {
            literal = bracketed.group(1);
        }
        boolean ipv4 = IPV4.matcher(literal).matches();
        boolean ipv6 = !ipv4 && literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches();
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            // A literal of these characters only is parsed, never looked up.
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException malformed) {
            return Optional.empty();
        }
    }
}
