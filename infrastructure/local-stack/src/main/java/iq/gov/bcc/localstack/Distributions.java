package iq.gov.bcc.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** What the bcc-distributions build recorded: the Kafka classpath, the Keycloak zip, the realm. */
final class Distributions {

    private static final String BASE = "/iq/gov/bcc/distributions/";

    private Distributions() {
    }

    static String kafkaClasspath() {
        return resource("kafka.classpath").trim();
    }

    static String realmJson() {
        return resource("bcc-realm.json");
    }

    static String property(String name) {
        Properties properties = new Properties();
        try (InputStream in = open("distributions.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty(name);
    }

    private static String resource(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = Distributions.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException(BASE + name + " is not on the classpath: build bcc-distributions first "
                    + "(./mvnw install -DskipTests)");
        }
        return in;
    }
}
