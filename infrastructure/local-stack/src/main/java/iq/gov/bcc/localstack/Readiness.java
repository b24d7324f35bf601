package iq.gov.bcc.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a started server to be usable, and says why when it never becomes so. */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {
    }

    static void await(ServerProcess process, Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited during start-up; last lines of "
                        + process.log() + ":\n" + tail(process));
            }
            ServerProcess.sleep(200);
        }
        process.stop(Duration.ofSeconds(5));
        throw new IllegalStateException(process.name() + " was not ready within " + timeout
                + "; last lines of " + process.log() + ":\n" + tail(process));
    }

    static boolean logContains(ServerProcess process, String text) {
        try {
            return Files.exists(process.log()) && Files.readString(process.log()).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean httpOk(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(ServerProcess process) {
        try {
            var lines = Files.readAllLines(process.log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
