package iq.gov.bcc.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.Tokens;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * A crossing whose link drops halfway through sending a declaration: the body never arrives, so nothing
 * can be recorded, and the service logs one line for a 400, not a 500 error with a stack trace (which,
 * at a busy crossing with a poor link, would bury the real errors).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_declaration"))
class ClosedConnectionTest {

    @Test
    void aClientHangingUpMidBodyIsLoggedAsTheBadRequestItIs() throws Exception {
        try (LogRecords problems = LogRecords.of("http-problem")) {
            String partialBody = "{\"crossingCode\":\"SHL\",\"reference\":\"HANGUP-1\",\"items\":[";
            try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/declarations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer " + Tokens.crossing("SHL") + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n" + partialBody)
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                // Long enough for the request to reach the resource and wait for the rest of its body.
                Thread.sleep(1000);
            }
            List<String> logged = awaitRecord(problems, Duration.ofSeconds(15));
            assertThat(logged).as("what the problem logger wrote").hasSize(1);
            assertThat(logged.get(0)).startsWith("INFO").contains("status=400")
                    .contains("the connection closed before the request body arrived");
            assertThat(problems.atOrAbove(Level.SEVERE)).isEmpty();
        }
    }

    private static List<String> awaitRecord(LogRecords records, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (records.all().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        // Anything logged just after the first record belongs to the same request.
        Thread.sleep(200);
        return records.all();
    }
}
