package iq.gov.bcc.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body whose JSON has the wrong shape (an array where an object belongs, a string where a list
 * belongs, nesting beyond limits) answers like any other validation failure: 400 problem+json
 * naming the field, instead of the framework's ad-hoc JSON. A body of two JSON values run together is
 * named as a whole; a field the request does not have (where a service refuses those) is named with the
 * fields it does have.
 */
@Provider
public class MismatchedInputProblemMapper implements ExceptionMapper<MismatchedInputException> {

    @Override
    public Response toResponse(MismatchedInputException e) {
        UnreadableJson unreadable = UnreadableJson.of(e);
        if (unreadable != null && (e instanceof UnrecognizedPropertyException
                || UnreadableJson.MORE_THAN_ONE_VALUE.equals(unreadable.problem()))) {
            return Problems.badField(unreadable.namesAField() ? unreadable.field() : "body", unreadable.problem()).toResponse();
        }
        String field = path(e);
        return Problems.badField(field.isEmpty() ? "body" : field, "has the wrong JSON shape for this field")
                .toResponse();
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
