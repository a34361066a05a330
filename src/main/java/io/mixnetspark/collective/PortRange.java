package io.mixnetspark.collective;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;

/**
 * {@code PortRange} is where a {@link RingListener} may listen: {@code 0} for any free port the
 * system picks, or {@code first-last} (inclusive) for clusters whose firewall opens only some
 * ports; the first free port of the range is taken.
 *
 * @param first the lowest port, or 0 for an ephemeral port
 * @param last the highest port, equal to {@code first} for one port (0 with 0)
 */
public record PortRange(int first, int last) {

    /** Any free port the system picks. */
    public static final PortRange EPHEMERAL = new PortRange(0, 0);

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException when the range is empty or outside 0..65535
     */
    public PortRange {
        if (first < 0 || last > 65535 || last < first || (first == 0 && last != 0)) {
            throw new IllegalArgumentException("port range " + first + "-" + last
                    + " is not 0 (ephemeral) nor first-last within 1..65535");
        }
    }

    /**
     * Parses {@code 0}, {@code port} or {@code first-last}.
     *
     * @param text the setting
     * @return the range
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static PortRange parse(String text) {
        try {
            int dash = text.indexOf('-');
            return dash < 0 ? new PortRange(Integer.parseInt(text.trim()), Integer.parseInt(text.trim()))
                    : new PortRange(Integer.parseInt(text.substring(0, dash).trim()),
                            Integer.parseInt(text.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port range '" + text + "' is not 0, port or first-last", e);
        }
    }

    /**
     * Opens a server channel on the first free port of the range.
     *
     * @param address the local address to bind (the executor's bind address)
     * @return the bound channel
     * @throws IOException when no port of the range is free, naming the range
     */
    ServerSocketChannel bind(InetAddress address) throws IOException {
        for (int port = first; port <= last; port++) {
            ServerSocketChannel channel = ServerSocketChannel.open();
            try {
                channel.bind(new InetSocketAddress(address, port));
                return channel;
            } catch (BindException e) {
                channel.close(); // taken: try the next port
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
        throw new BindException("no free port in " + this + " on " + address.getHostAddress());
    }

    /** Returns {@code 0}, {@code port} or {@code first-last}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
