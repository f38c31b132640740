package portcullis.callers;

import java.net.InetAddress;

/** One address or a CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), IPv4 or IPv6. */
final class AddressRange {
    private final byte[] network;
    private final int prefixLength;

    private AddressRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    static AddressRange parse(String configured) {
        String text = configured.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] network = IpLiteral.parse(address)
                .orElseThrow(() -> invalid(configured, "is not an IP address or CIDR range"))
                .getAddress();
        int prefixLength = network.length * 8;
        if (slash >= 0) {
            try {
                prefixLength = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid(configured, "has no valid prefix length");
            }
            if (prefixLength < 0 || prefixLength > network.length * 8) {
                throw invalid(configured, "has a prefix length out of range");
            }
        }
        return new AddressRange(network, prefixLength);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    private static IllegalArgumentException invalid(String configured, String why) {
        return new IllegalArgumentException("portcullis.requests.trusted-proxies: '" + configured + "' " + why);
    }
}
