package iq.gov.bcc.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for test runs: free, and below the kernel's ephemeral range (32768-60999 on Linux). A port from
 * that range can be taken between our choice and the server's bind by any client socket, and the
 * readiness polls themselves can take it: a connection to a port nobody listens on yet may be given that
 * same port as its source and connect to itself. Keycloak, which binds only after 30 s of start-up
 * while being polled, twice found its fixed benchmark port (58180) taken, most likely that way.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int LAST = 24_999;
    /** Handed out by this JVM: a port released after the check is not handed out twice. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            if (!GIVEN.contains(port) && bindable(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + LAST + " after 200 tries");
    }

    static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            // The wildcard address: taken on any interface, or still in TIME_WAIT, counts as not free.
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
