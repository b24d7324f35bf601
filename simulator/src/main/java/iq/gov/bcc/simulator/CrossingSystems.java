package iq.gov.bcc.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import iq.gov.bcc.client.declaration.ApiClient;
import iq.gov.bcc.client.declaration.ApiException;
import iq.gov.bcc.client.declaration.model.BatchLineResult;
import iq.gov.bcc.client.declaration.model.BatchResponse;
import iq.gov.bcc.client.declaration.model.Declaration;
import iq.gov.bcc.client.declaration.model.Direction;
import iq.gov.bcc.client.declaration.model.Inspection;
import iq.gov.bcc.client.declaration.model.InspectionChannel;
import iq.gov.bcc.client.declaration.model.InspectionOutcome;
import iq.gov.bcc.client.declaration.model.ItemRequest;
import iq.gov.bcc.client.declaration.model.MoneyAmount;
import iq.gov.bcc.client.declaration.model.Payment;
import iq.gov.bcc.client.declaration.model.PaymentMethod;
import iq.gov.bcc.client.declaration.model.RecordedDeclaration;
import iq.gov.bcc.client.declaration.model.Release;
import iq.gov.bcc.client.declaration.model.TraderRequest;
import iq.gov.bcc.client.declaration.model.TransitExit;
import iq.gov.bcc.client.declaration.model.Weighing;
import iq.gov.bcc.client.tariff.model.AssessmentResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The crossings' own systems, playing consignments through the public HTTP APIs with each
 * crossing's token: file (or upload in an offline batch), amend, weigh, inspect when the lane or the
 * hour asks for it, ask the tariff service what is due, collect it, release, and record transit
 * exits at the exit crossing. Like real crossing systems they retry what failed for want of a
 * network, and sometimes send a request twice.
 */
public final class CrossingSystems {

    /** How long a crossing keeps retrying one request before it gives up and reports it. */
    static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Duration ASSESSMENT_WAIT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();

    private final Clients clients;
    private final SimulatedClock clock;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong writesAccepted = new AtomicLong();
    private final Map<Integer, AtomicLong> refusals = new java.util.concurrent.ConcurrentSkipListMap<>();

    public CrossingSystems(Clients clients, SimulatedClock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    /** Write attempts, retries included. */
    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    /** Writes (filings, amendments, movements, receipts) the services acknowledged with 2xx. */
    public long writesAccepted() {
        return writesAccepted.get();
    }

    /** Write attempts answered otherwise, by HTTP status (0: no answer), retried or not. */
    public Map<Integer, Long> refusals() {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        refusals.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /** Requests deliberately sent twice, as after a lost response, that came back as the same record. */
    public long repeats() {
        return repeats.get();
    }

    /**
     * Uploads one crossing's history as offline batches; returns the declaration id (and lane) of
     * each reference.
     */
    public Map<String, BatchLineResult> upload(String crossing, List<Consignment> consignments, int batchSize) {
        Map<String, BatchLineResult> results = new HashMap<>();
        for (int from = 0; from < consignments.size(); from += batchSize) {
            List<Consignment> batch = consignments.subList(from, Math.min(consignments.size(), from + batchSize));
            String body = batch.stream().map(c -> json(declaration(c))).collect(Collectors.joining("\n"));
            BatchResponse response = call(() -> clients.declarations(crossing).upload(body));
            for (BatchLineResult line : response.getResults()) {
                if (line.getId() == null) {
                    throw new IllegalStateException("batch line " + line.getLine() + " of " + crossing + " refused: "
                            + line.getProblem());
                }
                results.put(line.getReference(), line);
            }
        }
        return results;
    }

    /** Plays the rest of a consignment's story; {@code filed} is set when an offline batch already filed it. */
    public Played play(Consignment c, Optional<BatchLineResult> filed) {
        try {
            return story(c, filed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(c, "interrupted");
        } catch (RuntimeException e) {
            return failed(c, e.getMessage());
        }
    }

    private Played story(Consignment c, Optional<BatchLineResult> filed) throws InterruptedException {
        String crossing = c.crossing();
        UUID id;
        String lane;
        int version = 1;
        if (filed.isPresent()) {
            id = filed.get().getId();
            lane = filed.get().getLane().getValue();
        } else {
            wait(c, c.lodgedAt());
            Declaration declaration = declaration(c);
            RecordedDeclaration recorded = call(() -> clients.declarations(crossing).fileDeclaration(declaration));
            if (c.index() % 29 == 0) {
                // A retry after a lost response: the same declaration comes back, nothing new is filed.
                RecordedDeclaration again = call(() -> clients.declarations(crossing).fileDeclaration(declaration));
                if (!again.getId().equals(recorded.getId())) {
                    throw new IllegalStateException("a retried filing made a second declaration: " + again.getId());
                }
                repeats.incrementAndGet();
            }
            id = recorded.getId();
            lane = recorded.getLane().getValue();
        }
        AssessmentResult filedAssessment = null;
        if (c.reclassifyTo().isPresent()) {
            filedAssessment = assessment(crossing, id, 1);
            wait(c, c.amendedAt());
            Declaration amended = declaration(c);
            amended.getItems().get(0).hsCode(c.reclassifyTo().get());
            amended.reason("Tariff code corrected after document check / تصحيح رمز التعريفة بعد تدقيق المستندات");
            version = call(() -> clients.declarations(crossing).amend(id, amended)).getVersion();
        }
        if (c.weighedAt() != null) {
            wait(c, c.weighedAt());
            call(() -> clients.declarations(crossing).weigh(id, new Weighing().grossWeightKg(c.weighedGrossKg())
                    .scaleId(crossing + "-WB-" + (1 + c.index() % 3)).weighedAt(c.weighedAt())));
        }
        boolean laneAsks = "RED".equals(lane) || "YELLOW".equals(lane);
        boolean inspected = !c.skipInspection() && (laneAsks || c.inspect());
        if (inspected) {
            wait(c, c.inspectedAt());
            InspectionChannel channel = "RED".equals(lane) ? InspectionChannel.RED : InspectionChannel.YELLOW;
            call(() -> clients.declarations(crossing).inspect(id, new Inspection().channel(channel)
                    .outcome(InspectionOutcome.CONFORMS).inspectedAt(c.inspectedAt())
                    .remarks("Goods match the declaration / البضاعة مطابقة للتصريح")));
        }
        AssessmentResult latest = null;
        BigDecimal paid = BigDecimal.ZERO;
        int receipts = 0;
        if (c.direction() == Direction.IMPORT) {
            latest = assessment(crossing, id, version);
            BigDecimal due = new BigDecimal(latest.getTotalDutyIqd());
            BigDecimal amount = due.multiply(c.paidShare()).setScale(0, RoundingMode.DOWN);
            if (c.paidShare().compareTo(BigDecimal.ONE) == 0) {
                amount = due;
            }
            if (amount.signum() > 0) {
                wait(c, c.paidAt());
                Payment payment = new Payment().crossingCode(crossing).receiptNumber(c.receiptNumber()).declarationId(id)
                        .amount(new MoneyAmount().amount(amount.toPlainString()).currency("IQD"))
                        .method(c.index() % 10 < 7 ? PaymentMethod.CASH : PaymentMethod.TRANSFER).paidAt(c.paidAt());
                call(() -> clients.payments(crossing).record(payment));
                if (c.index() % 31 == 0) {
                    call(() -> clients.payments(crossing).record(payment));
                    repeats.incrementAndGet();
                }
                paid = amount;
                receipts = 1;
            }
        }
        if (c.orphanDeclaration() != null) {
            Payment orphan = new Payment().crossingCode(crossing).receiptNumber(c.orphanReceiptNumber())
                    .declarationId(c.orphanDeclaration()).amount(new MoneyAmount().amount("1750000").currency("IQD"))
                    .method(PaymentMethod.CASH).paidAt(c.paidAt().plusMinutes(5));
            call(() -> clients.payments(crossing).record(orphan));
        }
        wait(c, c.releasedAt());
        call(() -> clients.declarations(crossing).release(id, new Release().releasedAt(c.releasedAt())));
        boolean exited = false;
        if (c.direction() == Direction.TRANSIT && c.exits()) {
            wait(c, c.exitedAt());
            call(() -> clients.declarations(c.exitCrossing()).exitTransit(id, new TransitExit().exitedAt(c.exitedAt())));
            exited = true;
        }
        boolean duplicate = c.fraud().filter(f -> f == Fraud.DUPLICATE_RECEIPT).isPresent() && receipts > 0;
        return new Played(c, id, lane, filedAssessment, latest, inspected, paid, receipts, duplicate, c.releasedAt(), exited,
                c.orphanDeclaration(), null);
    }

    /** The tariff service's assessment of this version, once its event has gone round. */
    private AssessmentResult assessment(String crossing, UUID id, int version) throws InterruptedException {
        Instant giveUp = Instant.now().plus(ASSESSMENT_WAIT);
        while (Instant.now().isBefore(giveUp)) {
            List<AssessmentResult> assessments = callTariff(() -> clients.assessments(crossing).assessments(id));
            Optional<AssessmentResult> found = assessments.stream()
                    .filter(a -> a.getDeclarationVersion() != null && a.getDeclarationVersion() == version).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no assessment of " + id + " v" + version + " within " + ASSESSMENT_WAIT);
    }

    private void wait(Consignment c, java.time.OffsetDateTime at) throws InterruptedException {
        if (!c.history()) {
            clock.waitUntil(at);
        }
    }

    /** The declaration a crossing system posts for this consignment. */
    public static Declaration declaration(Consignment c) {
        List<ItemRequest> items = new ArrayList<>();
        for (Consignment.Item item : c.items()) {
            items.add(new ItemRequest().hsCode(item.commodity().hsCode()).description(item.commodity().description())
                    .quantity(item.quantity()).unit(item.commodity().unit()).netWeightKg(item.netWeightKg())
                    .grossWeightKg(item.grossWeightKg())
                    .customsValue(new MoneyAmount().amount(item.value().toPlainString()).currency(item.currency()))
                    .exemptionLicence(item.exemptionLicence()));
        }
        return new Declaration().crossingCode(c.crossing()).reference(c.reference()).direction(c.direction())
                .exitCrossingCode(c.exitCrossing()).transitDeadline(c.transitDeadline()).lodgedAt(c.lodgedAt())
                .trader(new TraderRequest().taxId(c.trader().taxId()).name(c.trader().name()))
                .vehiclePlate(c.vehiclePlate()).originCountry(c.originCountry()).items(items);
    }

    private static String json(Declaration declaration) {
        try {
            return JSON.writeValueAsString(declaration);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Played failed(Consignment c, String reason) {
        return new Played(c, null, null, null, null, false, BigDecimal.ZERO, 0, false, null, false, null, reason);
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws ApiException;
    }

    @FunctionalInterface
    private interface TariffCall<T> {
        T run() throws iq.gov.bcc.client.tariff.ApiException;
    }

    /**
     * Retries what a crossing would retry: no answer, 429 and 5xx, waiting as long as Retry-After asks
     * when it does; anything else is the answer.
     */
    private <T> T call(Call<T> call) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        for (int attempt = 1; ; attempt++) {
            requests.incrementAndGet();
            long retryAfter = 0;
            try {
                T result = call.run();
                writesAccepted.incrementAndGet();
                return result;
            } catch (ApiException e) {
                refusals.computeIfAbsent(e.getCode(), k -> new AtomicLong()).incrementAndGet();
                if (!retryable(e.getCode()) || Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("HTTP " + e.getCode() + ": " + e.getResponseBody(), e);
                }
                retryAfter = e.getResponseHeaders() == null ? 0
                        : e.getResponseHeaders().firstValueAsLong("Retry-After").orElse(0);
            }
            pause(attempt, retryAfter);
        }
    }

    private <T> T callTariff(TariffCall<T> call) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        for (int attempt = 1; ; attempt++) {
            long retryAfter = 0;
            try {
                return call.run();
            } catch (iq.gov.bcc.client.tariff.ApiException e) {
                if (!retryable(e.getCode()) || Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("HTTP " + e.getCode() + ": " + e.getResponseBody(), e);
                }
                retryAfter = e.getResponseHeaders() == null ? 0
                        : e.getResponseHeaders().firstValueAsLong("Retry-After").orElse(0);
            }
            pause(attempt, retryAfter);
        }
    }

    private static boolean retryable(int status) {
        return status == 0 || status == 429 || status >= 500;
    }

    private void pause(int attempt, long retryAfterSeconds) {
        retries.incrementAndGet();
        try {
            Thread.sleep(Math.max(Math.min(250L * attempt, 5000), Math.min(retryAfterSeconds, 30) * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
