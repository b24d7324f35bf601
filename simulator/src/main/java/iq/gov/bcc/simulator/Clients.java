package iq.gov.bcc.simulator;

import iq.gov.bcc.client.audit.api.CorrelationApi;
import iq.gov.bcc.client.audit.api.CrossingsApi;
import iq.gov.bcc.client.audit.api.DiscrepanciesApi;
import iq.gov.bcc.client.audit.api.RevenueApi;
import iq.gov.bcc.client.declaration.api.DeclarationsApi;
import iq.gov.bcc.client.declaration.api.PaymentsApi;
import iq.gov.bcc.client.tariff.api.AssessmentsApi;
import iq.gov.bcc.client.tariff.api.ExemptionsApi;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The clients generated from the services' OpenAPI documents, one set per caller (each generated
 * API object holds its own HTTP client, so they are made once and shared), every call carrying the
 * caller's current bearer token.
 */
public final class Clients {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Options options;
    private final Credentials credentials;
    private final Map<String, Object> apis = new ConcurrentHashMap<>();

    public Clients(Options options, Credentials credentials) {
        this.options = options;
        this.credentials = credentials;
    }

    public DeclarationsApi declarations(String crossing) {
        return api("declarations:" + crossing, k -> new DeclarationsApi(declarationClient(() -> credentials.crossing(crossing))));
    }

    public PaymentsApi payments(String crossing) {
        return api("payments:" + crossing, k -> new PaymentsApi(declarationClient(() -> credentials.crossing(crossing))));
    }

    public AssessmentsApi assessments(String crossing) {
        return api("assessments:" + crossing, k -> new AssessmentsApi(tariffClient(() -> credentials.crossing(crossing))));
    }

    public ExemptionsApi exemptions(String person) {
        return api("exemptions:" + person, k -> new ExemptionsApi(tariffClient(() -> credentials.person(person))));
    }

    public DiscrepanciesApi discrepancies(String person) {
        return api("discrepancies:" + person, k -> new DiscrepanciesApi(auditClient(person)));
    }

    public RevenueApi revenue(String person) {
        return api("revenue:" + person, k -> new RevenueApi(auditClient(person)));
    }

    public CorrelationApi correlation(String person) {
        return api("correlation:" + person, k -> new CorrelationApi(auditClient(person)));
    }

    public CrossingsApi crossings(String person) {
        return api("crossings:" + person, k -> new CrossingsApi(auditClient(person)));
    }

    @SuppressWarnings("unchecked")
    private <T> T api(String key, Function<String, T> create) {
        return (T) apis.computeIfAbsent(key, create::apply);
    }

    private iq.gov.bcc.client.declaration.ApiClient declarationClient(Supplier<String> token) {
        iq.gov.bcc.client.declaration.ApiClient client = new iq.gov.bcc.client.declaration.ApiClient();
        client.updateBaseUri(options.declarationService().toString());
        client.setReadTimeout(TIMEOUT);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token.get()));
        return client;
    }

    private iq.gov.bcc.client.tariff.ApiClient tariffClient(Supplier<String> token) {
        iq.gov.bcc.client.tariff.ApiClient client = new iq.gov.bcc.client.tariff.ApiClient();
        client.updateBaseUri(options.tariffService().toString());
        client.setReadTimeout(TIMEOUT);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token.get()));
        return client;
    }

    private iq.gov.bcc.client.audit.ApiClient auditClient(String person) {
        iq.gov.bcc.client.audit.ApiClient client = new iq.gov.bcc.client.audit.ApiClient();
        client.updateBaseUri(options.auditService().toString());
        client.setReadTimeout(TIMEOUT);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + credentials.person(person)));
        return client;
    }
}
