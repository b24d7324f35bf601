package iq.gov.bcc.platform.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as every BCC topic carries it.
 *
 * @param specversion     always "1.0"
 * @param id              unique per event; consumers deduplicate on it
 * @param source          the service that recorded the fact, e.g. {@code /bcc/declaration-service}
 * @param type            {@code iq.bcc.<entity>.<what-happened>.v<N>}
 * @param subject         the aggregate id (a declaration id for declaration and payment events)
 * @param time            when it happened at the crossing (the crossing's own clock, with offset)
 * @param datacontenttype always application/json
 * @param dataschema      the JSON Schema of {@code data}
 * @param crossingcode    extension: the crossing where it happened
 * @param recordedat      extension: when the BCC service recorded it (server clock, UTC)
 * @param data            the fact itself
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(String specversion, UUID id, URI source, String type, String subject,
        OffsetDateTime time, String datacontenttype, URI dataschema, String crossingcode, OffsetDateTime recordedat,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
}
