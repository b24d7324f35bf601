package iq.gov.bcc.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, the realm and the README cannot run here (no Docker), so they are checked
 * against the code: the variables compose sets are ones the services read, the files it mounts
 * exist, its ports are the README's, and every registered crossing has its Keycloak client.
 */
class DeploymentDescriptorsTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    private static final List<String> SERVICES = List.of("declaration-service", "tariff-service", "audit-service");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws Exception {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws Exception {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVariableComposeGivesAServiceIsOneTheServiceReads() throws Exception {
        for (String name : SERVICES) {
            String properties = Files.readString(ROOT.resolve(name).resolve("src/main/resources/application.properties"));
            Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
            assertThat(environment).as(name).isNotEmpty();
            for (String variable : environment.keySet()) {
                assertThat(properties).as("%s reads %s", name, variable).contains("${" + variable + ":");
            }
            Map<String, Object> build = (Map<String, Object>) service(name).get("build");
            assertThat(ROOT.resolve((String) build.get("dockerfile"))).exists();
            assertThat(((Map<String, Object>) build.get("args")).get("SERVICE")).isEqualTo(name);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeMountsFilesThatExistAndCreatesTheDatabasesTheServicesUse() throws Exception {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        for (Object definition : services.values()) {
            for (Object volume : (List<Object>) ((Map<String, Object>) definition).getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ROOT.resolve(source)).as(volume.toString()).exists();
                }
            }
        }
        assertThat(services.get("keycloak").toString()).contains("deploy/keycloak/bcc-realm.json");
        String init = Files.readString(ROOT.resolve("deploy/postgres/init.sql"));
        for (String name : SERVICES) {
            Map<String, Object> environment = (Map<String, Object>) service(name).get("environment");
            String url = environment.get("BCC_DB_URL").toString();
            String database = url.substring(url.lastIndexOf('/') + 1);
            assertThat(init).contains("CREATE DATABASE " + database + " OWNER " + environment.get("BCC_DB_USER"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeAndTheLocalStackUseThePortsTheReadmeDocuments() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Map<String, Integer> documented = new HashMap<>();
        Matcher row = Pattern.compile("(?m)^\\|\\s*([a-z-]+|PostgreSQL|Kafka|Keycloak)\\s*\\|\\s*(\\d{4})\\s*\\|").matcher(readme);
        while (row.find()) {
            documented.put(row.group(1), Integer.parseInt(row.group(2)));
        }
        Map<String, String> composeNames = Map.of("declaration-service", "declaration-service", "tariff-service",
                "tariff-service", "audit-service", "audit-service", "PostgreSQL", "postgres", "Kafka", "kafka",
                "Keycloak", "keycloak");
        assertThat(documented).containsOnlyKeys(composeNames.keySet());
        for (var entry : composeNames.entrySet()) {
            List<Object> ports = (List<Object>) service(entry.getValue()).get("ports");
            int hostPort = Integer.parseInt(ports.get(0).toString().split(":")[0]);
            assertThat(hostPort).as(entry.getKey()).isEqualTo(documented.get(entry.getKey()));
        }
        String launcher = Files.readString(ROOT.resolve(
                "infrastructure/local-stack/src/main/java/iq/gov/bcc/localstack/LocalStack.java"));
        for (var entry : Map.of("BCC_PG_PORT", "PostgreSQL", "BCC_KAFKA_PORT", "Kafka", "BCC_KEYCLOAK_PORT", "Keycloak",
                "BCC_DECLARATION_PORT", "declaration-service", "BCC_TARIFF_PORT", "tariff-service", "BCC_AUDIT_PORT",
                "audit-service").entrySet()) {
            assertThat(launcher).contains("\"" + entry.getKey() + "\", " + documented.get(entry.getValue()) + ")");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesRunsEveryServiceScaledOutWithItsConfigurationAndProbes() throws Exception {
        for (String name : SERVICES) {
            Map<String, Object> deployment = null;
            for (Object document : new Yaml().loadAll(Files.readString(ROOT.resolve("deploy/kubernetes/" + name + ".yml")))) {
                Map<String, Object> resource = (Map<String, Object>) document;
                if ("Deployment".equals(resource.get("kind"))) {
                    deployment = resource;
                }
            }
            assertThat(deployment).as("Deployment of %s", name).isNotNull();
            Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
            assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            assertThat(container.get("envFrom").toString()).contains("name=bcc-config").contains("name=" + name);
            assertThat(container).containsKeys("livenessProbe", "readinessProbe");
            assertThat(container.get("readinessProbe").toString()).contains("/q/health/ready");
        }
        Map<String, Object> configMap = new Yaml().load(Files.readString(ROOT.resolve("deploy/kubernetes/bcc-config.yml")));
        Map<String, Object> data = (Map<String, Object>) configMap.get("data");
        assertThat(data).containsKeys("BCC_KAFKA_BOOTSTRAP", "BCC_OIDC_ISSUER");
        assertThat(data.keySet()).as("secrets belong in Secrets").noneMatch(k -> k.contains("PASSWORD"));
    }

    @Test
    void everyRegisteredCrossingHasAConfidentialClientCarryingItsCode() throws Exception {
        JsonNode realm = new ObjectMapper().readTree(ROOT.resolve("deploy/keycloak/bcc-realm.json").toFile());
        Map<String, JsonNode> clients = new HashMap<>();
        realm.get("clients").forEach(c -> clients.put(c.get("clientId").asText(), c));
        List<String> lines = Files.readAllLines(ROOT.resolve("deploy/reference/crossings.csv"));
        assertThat(lines).hasSize(23);
        for (String line : lines.subList(1, lines.size())) {
            String code = line.split(",")[0];
            JsonNode client = clients.get("crossing-" + code.toLowerCase());
            assertThat(client).as("client for %s", code).isNotNull();
            assertThat(client.get("publicClient").asBoolean()).isFalse();
            assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(client.get("secret").asText()).as("secret overridable and marked")
                    .startsWith("${BCC_SECRET_").contains("local-dev-only");
            assertThat(client.get("protocolMappers").toString()).contains("\"claim.value\":\"" + code + "\"");
        }
        List<String> roles = realm.get("roles").get("realm").findValuesAsText("name");
        assertThat(roles).containsExactlyInAnyOrder("crossing-system", "auditor", "senior-auditor", "tariff-admin");
        realm.get("users").forEach(user -> {
            if (!user.has("serviceAccountClientId")) {
                assertThat(user.get("email").asText()).isNotBlank();
                assertThat(user.get("firstName").asText()).isNotBlank();
                assertThat(user.get("lastName").asText()).isNotBlank();
            }
        });
        assertThat(clients.get("bcc-console").get("publicClient").asBoolean()).isTrue();
        assertThat(clients.get("bcc-console").get("attributes").get("pkce.code.challenge.method").asText()).isEqualTo("S256");
    }
}
