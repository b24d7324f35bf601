package iq.gov.bcc.declaration.rest;

/** Request and response examples shown in the OpenAPI document. */
final class Examples {

    static final String DECLARATION = """
            {
              "crossingCode": "SHL",
              "reference": "SHL-2026-000123",
              "direction": "IMPORT",
              "lodgedAt": "2026-11-21T09:30:00+03:00",
              "trader": {"taxId": "IQ-100200300", "name": "شركة البصرة للحديد"},
              "vehiclePlate": "BSR 12345",
              "originCountry": "IR",
              "items": [{
                "hsCode": "721420",
                "description": "Reinforcing steel bars, hot-rolled",
                "quantity": 24000,
                "unit": "KGM",
                "netWeightKg": 24000,
                "grossWeightKg": 24350,
                "customsValue": {"amount": "13200.00", "currency": "USD"}
              }]
            }""";

    static final String TRANSIT = """
            {
              "crossingCode": "SFW",
              "reference": "SFW-T-2026-0042",
              "direction": "TRANSIT",
              "exitCrossingCode": "TRB",
              "transitDeadline": "2026-11-24T18:00:00+03:00",
              "lodgedAt": "2026-11-21T09:30:00+03:00",
              "trader": {"taxId": "KW-55001", "name": "Gulf Transit Co."},
              "vehiclePlate": "KW 88123",
              "originCountry": "KW",
              "items": [{
                "hsCode": "850211",
                "description": "Diesel generating sets, 60 kVA",
                "quantity": 4,
                "unit": "NAR",
                "netWeightKg": 3600,
                "grossWeightKg": 3900,
                "customsValue": {"amount": "48000.00", "currency": "USD"}
              }]
            }""";

    static final String AMENDMENT = """
            {
              "crossingCode": "SHL",
              "reference": "SHL-2026-000123",
              "direction": "IMPORT",
              "lodgedAt": "2026-11-21T09:30:00+03:00",
              "trader": {"taxId": "IQ-100200300", "name": "شركة البصرة للحديد"},
              "vehiclePlate": "BSR 12345",
              "originCountry": "IR",
              "items": [{
                "hsCode": "721420",
                "description": "Reinforcing steel bars, hot-rolled",
                "quantity": 23000,
                "unit": "KGM",
                "netWeightKg": 23000,
                "grossWeightKg": 23350,
                "customsValue": {"amount": "12650.00", "currency": "USD"}
              }],
              "reason": "One bundle was left at origin; weight and value corrected"
            }""";

    static final String BATCH = """
            {"crossingCode":"SHL","reference":"SHL-2026-000124","direction":"IMPORT","lodgedAt":"2026-11-21T02:10:00+03:00","trader":{"taxId":"IQ-100200300","name":"شركة البصرة للحديد"},"vehiclePlate":"BSR 12346","originCountry":"IR","items":[{"hsCode":"252329","description":"Portland cement","quantity":30000,"unit":"KGM","netWeightKg":30000,"grossWeightKg":30200,"customsValue":{"amount":"1800.00","currency":"USD"}}]}
            {"crossingCode":"SHL","reference":"SHL-2026-000125","direction":"IMPORT","lodgedAt":"2026-11-21T02:40:00+03:00","trader":{"taxId":"IQ-100200301","name":"Basra Foods"},"vehiclePlate":"BSR 22346","originCountry":"IR","items":[{"hsCode":"070200","description":"Tomatoes, fresh","quantity":18000,"unit":"KGM","netWeightKg":18000,"grossWeightKg":19100,"customsValue":{"amount":"5400.00","currency":"USD"}}]}
            """;

    static final String WEIGHING = """
            {"grossWeightKg": 24410.5, "scaleId": "SHL-WB-02", "weighedAt": "2026-11-21T10:05:00+03:00"}""";

    static final String INSPECTION = """
            {"channel": "RED", "outcome": "CONFORMS", "remarks": "Seals intact, 24 bundles counted", "inspectedAt": "2026-11-21T10:20:00+03:00"}""";

    static final String RELEASE = """
            {"releasedAt": "2026-11-21T11:00:00+03:00"}""";

    static final String TRANSIT_EXIT = """
            {"exitedAt": "2026-11-23T15:40:00+03:00"}""";

    static final String PAYMENT = """
            {
              "crossingCode": "SHL",
              "receiptNumber": "R-2026-0098765",
              "declarationId": "0b7f5c1e-2a1d-4c39-9a57-3f3c9f1d2e11",
              "amount": {"amount": "2593800.000", "currency": "IQD"},
              "method": "CASH",
              "paidAt": "2026-11-21T10:45:00+03:00"
            }""";

    static final String VALIDATION_PROBLEM = """
            {
              "status": 400,
              "title": "Bad Request",
              "instance": "/api/v1/declarations",
              "violations": [{"field": "items[0].hsCode", "in": "body",
                "message": "must be an HS code of 6 digits, or a national code of 8 or 10 digits"}]
            }""";

    static final String CONFLICT_PROBLEM = """
            {
              "status": 409,
              "title": "Conflict",
              "detail": "declaration SHL-2026-000123 of crossing SHL already exists (0b7f5c1e-2a1d-4c39-9a57-3f3c9f1d2e11) with a different body; to change it, post an amendment",
              "instance": "/api/v1/declarations"
            }""";

    static final String FORBIDDEN_PROBLEM = """
            {
              "status": 403,
              "title": "Forbidden",
              "detail": "this client writes for crossing SFW, not for SHL",
              "instance": "/api/v1/declarations"
            }""";

    private Examples() {
    }
}
