package iq.gov.bcc.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for test runs, asked of the kernel so that parallel runs never collide. */
public final class FreePorts {

    private FreePorts() {
    }

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
