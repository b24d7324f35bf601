package iq.gov.bcc.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Starts each real server the project depends on, talks to it, and checks it is gone afterwards. */
class LocalServersTest {

    @AfterAll
    static void stopEverything() {
        TestInfrastructure.stopAll();
    }

    @Test
    void postgresKeepsArabicTextInItsOwnDatabase() throws Exception {
        PostgresServer postgres = TestInfrastructure.postgres();
        postgres.createDatabase("bcc_probe", "bcc_probe", "local-dev-only");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("bcc_probe"), "bcc_probe",
                "local-dev-only")) {
            connection.createStatement().execute("CREATE TABLE crossing (name text)");
            connection.createStatement().execute("INSERT INTO crossing VALUES ('الشلامجة')");
            ResultSet rows = connection.createStatement().executeQuery("SELECT name, current_user FROM crossing");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("الشلامجة");
            assertThat(rows.getString(2)).isEqualTo("bcc_probe");
        }
    }

    @Test
    void postgresComesBackWithItsDataAfterARestart() throws Exception {
        PostgresServer postgres = TestInfrastructure.postgres();
        postgres.psql("postgres", "CREATE TABLE IF NOT EXISTS survivor (id int)");
        postgres.psql("postgres", "INSERT INTO survivor VALUES (7)");
        postgres.restart();
        assertThat(postgres.psql("postgres", "SELECT sum(id) FROM survivor")).isEqualTo("7");
    }

    @Test
    void kafkaDeliversWhatWasProducedAndSurvivesARestart() {
        KafkaBroker kafka = TestInfrastructure.kafka();
        String topic = "probe-" + UUID.randomUUID();
        produce(kafka, topic, "before");
        kafka.restart();
        produce(kafka, topic, "after");

        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "probe");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> seen = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.size() < 2 && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> seen.add(r.value()));
            }
            assertThat(seen).containsExactly("before", "after");
        }
    }

    @Test
    void keycloakIssuesCrossingTokensCarryingTheirCrossingCode() throws Exception {
        KeycloakServer keycloak = TestInfrastructure.keycloak();
        String form = "grant_type=client_credentials&client_id=crossing-shl&client_secret=local-dev-only-crossing-shl";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"crossing_code\":\"SHL\"")
                .contains("\"iss\":\"" + keycloak.issuer() + "\"")
                .contains("crossing-system");

        HttpResponse<String> wrongSecret = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.replace("local-dev-only-crossing-shl", "guess")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
    }

    @Test
    void stoppedServersLeaveNoProcessBehind() {
        PostgresServer postgres = PostgresServer.start(FreePorts.next(), false);
        KafkaBroker kafka = KafkaBroker.start(FreePorts.next(), FreePorts.next(), 1);
        assertThat(Readiness.portOpen(postgres.port())).isTrue();
        assertThat(Readiness.portOpen(kafka.port())).isTrue();
        postgres.stop();
        kafka.stop();
        assertThat(postgres.isRunning()).isFalse();
        assertThat(kafka.isRunning()).isFalse();
        assertThat(Readiness.portOpen(postgres.port())).isFalse();
        assertThat(Readiness.portOpen(kafka.port())).isFalse();
    }

    private static void produce(KafkaBroker kafka, String topic, String value) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
