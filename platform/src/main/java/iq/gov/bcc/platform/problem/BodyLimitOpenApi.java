package iq.gov.bcc.platform.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the 413 of {@link OversizedBodyProblems} on every operation that takes a body, so a
 * generated client knows the answer, unless the operation documents its own 413 (a batch's line limit).
 * Registered with {@code mp.openapi.filter} in each service.
 */
public class BodyLimitOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getResponses() != null
                    && operation.getResponses().getAPIResponse("413") == null) {
                operation.getResponses().addAPIResponse("413", tooLarge(path));
            }
        }));
    }

    private static APIResponse tooLarge(String path) {
        return OASFactory.createAPIResponse()
                .description("The body's declared length is over the service's limit (BCC_MAX_BODY_SIZE): refused before "
                        + "any of it is read, and the connection is closed; nothing was recorded")
                .content(OASFactory.createContent().addMediaType("application/problem+json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))
                        .addExample("too large", OASFactory.createExample().value(Map.of("status", 413,
                                "title", "Content Too Large", "instance", path,
                                "detail", "the body is 5242961 bytes; this service takes at most 4194304 bytes in one request "
                                        + "(BCC_MAX_BODY_SIZE)")))));
    }
}
