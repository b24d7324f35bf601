package iq.gov.bcc.declaration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/** Checks published events against the JSON Schemas the service itself serves, as an integrator would. */
final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventSchemas() {
    }

    static void assertConforms(String eventJson) {
        try {
            JsonNode event = JSON.readTree(eventJson);
            assertValid(schema("cloudevent.json"), event, "envelope");
            String dataschema = event.get("dataschema").asText();
            String file = dataschema.substring(dataschema.lastIndexOf('/') + 1);
            assertThat(file).isEqualTo(event.get("type").asText() + ".json");
            assertValid(schema(file), event.get("data"), event.get("type").asText());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonSchema schema(String file) {
        String text = given().get("/schemas/events/" + file).then().statusCode(200).extract().asString();
        return FACTORY.getSchema(text);
    }

    private static void assertValid(JsonSchema schema, JsonNode node, String what) {
        Set<ValidationMessage> errors = schema.validate(node);
        assertThat(errors).as("%s does not match its schema: %s", what, node).isEmpty();
    }
}
