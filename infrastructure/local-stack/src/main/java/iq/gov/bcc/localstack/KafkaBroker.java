package iq.gov.bcc.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A single-node Apache Kafka broker in KRaft mode, as its own JVM, from the jars Maven resolved for
 * bcc-distributions. Stopping and starting it again keeps its log directory, so tests can take the
 * broker away and bring it back.
 */
public final class KafkaBroker {

    /** Any fixed 16-byte id, base64url: the log directory is formatted once with it. */
    private static final String CLUSTER_ID = "YmNjLWxvY2FsLWthZmthMQ";

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private ServerProcess process;

    private KafkaBroker(Path directory, int port, int controllerPort, int partitions) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
    }

    public static KafkaBroker start(int port, int controllerPort, int partitions) {
        KafkaBroker broker = new KafkaBroker(Workspace.newDirectory("kafka"), port, controllerPort, partitions);
        broker.format();
        broker.startBroker();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the broker but keeps its data: {@link #restart()} brings the same topics back. */
    public void stopBroker() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    public void restart() {
        stopBroker();
        startBroker();
    }

    public void stop() {
        stopBroker();
        Workspace.delete(directory);
    }

    private void format() {
        writeProperties();
        ServerProcess.run(List.of(java(), "-Xmx128m", "-cp", Distributions.kafkaClasspath(),
                "kafka.tools.StorageTool", "format", "--ignore-formatted", "-t", CLUSTER_ID,
                "-c", directory.resolve("server.properties").toString()));
    }

    private void startBroker() {
        Path log = directory.resolve("server.log");
        process = ServerProcess.launch("kafka:" + port,
                List.of(java(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                        "-cp", Distributions.kafkaClasspath(), "kafka.Kafka",
                        directory.resolve("server.properties").toString()),
                Map.of(), directory, log);
        Readiness.await(process, Duration.ofSeconds(60),
                () -> Readiness.logContains(process, "Kafka Server started") && Readiness.portOpen(port));
    }

    private void writeProperties() {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=" + partitions,
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=8388608",
                "auto.create.topics.enable=true",
                "");
        try {
            Files.writeString(directory.resolve("server.properties"), properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
