package io.mixnetspark.collective;

import java.net.InetSocketAddress;

/**
 * {@code PeerAddress} is where one rank's {@link RingListener} accepts connections, in the {@code
 * host:port} form that barrier tasks publish to each other ({@code [v6-address]:port} for IPv6).
 *
 * @param host the host name or address literal
 * @param port the TCP port, 1 to 65535
 */
public record PeerAddress(String host, int port) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException when the host is empty or the port outside 1..65535
     */
    public PeerAddress {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("peer host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("peer port " + port + " is outside 1..65535");
        }
    }

    /**
     * Parses {@code host:port} or {@code [v6-address]:port}.
     *
     * @param text the published address
     * @return the address
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static PeerAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("peer address '" + text + "' is not host:port");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new PeerAddress(host, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("peer address '" + text + "' has no numeric port", e);
        }
    }

    /**
     * Returns the address to connect to (resolving the host name).
     *
     * @return the socket address
     */
    InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    /** Returns {@code host:port}, with brackets around an IPv6 literal; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
