package iq.gov.bcc.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import iq.gov.bcc.client.audit.model.CorrelationView;
import iq.gov.bcc.client.audit.model.CrossingView;
import iq.gov.bcc.client.audit.model.DiscrepancyPage;
import iq.gov.bcc.client.audit.model.DiscrepancyView;
import iq.gov.bcc.client.audit.model.RevenueReport;
import iq.gov.bcc.client.audit.model.RevenueRow;
import iq.gov.bcc.client.declaration.model.BatchLineResult;
import iq.gov.bcc.client.tariff.ApiException;
import iq.gov.bcc.client.tariff.model.Holder;
import iq.gov.bcc.client.tariff.model.LicenceKind;
import iq.gov.bcc.client.tariff.model.LicenceRequest;
import iq.gov.bcc.client.tariff.model.RevocationRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Plays a day of traffic from the 22 land crossings into a running BCC system through its public
 * HTTP APIs, with fraud injected at the chosen rate, then waits for the audit service to see it all
 * and compares the discrepancies with the ground truth. Writes ground-truth.jsonl, detection.md and
 * detection.json to the output directory.
 *
 * <pre>scripts/simulate.sh --seed=7 --declarations=2000 --day-minutes=5 --fraud-rate=0.1</pre>
 */
public final class Simulator {

    private final Options options;
    private final Clients clients;
    private final java.io.PrintStream out;
    private final AuditReads audit;

    public Simulator(Options options, Map<String, String> environment, java.io.PrintStream out) {
        this.options = options;
        this.clients = new Clients(options, new Credentials(options, environment));
        this.out = out;
        // An auditor waits for the audit service as long as a crossing waits for the service it posts to.
        this.audit = new AuditReads(CrossingSystems.PATIENCE, Duration.ofSeconds(1), out);
    }

    public static void main(String[] args) {
        Options options = Options.parse(args, System.getenv());
        Result result = new Simulator(options, System.getenv(), System.out).run();
        System.out.println(result.summary());
        System.exit(result.detection().meetsTargets() && result.failures() == 0 ? 0 : 1);
    }

    /** What a run produced: the plan, the ground truth, and what the audit service made of it. */
    public record Result(TrafficPlan plan, List<Played> played, Map<UUID, Set<String>> truth, Detection detection,
            List<DiscrepancyView> discrepancies, RevenueReport revenue, String summary, int failures, Duration dayTook,
            Traffic traffic) {
    }

    /**
     * The crossings' writes: attempts, those acknowledged, attempts answered otherwise by status
     * (0: no answer; retried when retryable), and requests sent twice on purpose.
     */
    public record Traffic(long writesSent, long writesAccepted, Map<Integer, Long> refusals, long repeats) {

        static Traffic of(CrossingSystems... systems) {
            Map<Integer, Long> refusals = new java.util.TreeMap<>();
            long sent = 0;
            long accepted = 0;
            long repeats = 0;
            for (CrossingSystems s : systems) {
                sent += s.requests();
                accepted += s.writesAccepted();
                repeats += s.repeats();
                s.refusals().forEach((status, count) -> refusals.merge(status, count, Long::sum));
            }
            return new Traffic(sent, accepted, refusals, repeats);
        }
    }

    public Result run() {
        List<TrafficPlan.Crossing> crossings = audit.read("crossings", () -> clients.crossings("auditor").crossings()).stream()
                .filter(c -> "LAND".equals(c.getKind())).map(c -> new TrafficPlan.Crossing(c.getCode(), c.getNeighbourCountry()))
                .toList();
        TrafficPlan.Licences licences = issueLicences();
        TrafficPlan plan = new TrafficPlan(options, crossings, licences);
        out.printf("Simulating %s at %d crossings (seed %d): %d history declarations, %d on the day, frauds %s%n",
                options.day(), crossings.size(), options.seed(), plan.history().size(), plan.day().size(), plan.frauds());
        Instant started = Instant.now();
        SimulatedClock clock = new SimulatedClock(options.day().atStartOfDay(Options.BAGHDAD).toInstant(), started,
                options.wallMillisPerSimulatedSecond());
        CrossingSystems systems = new CrossingSystems(clients, clock);
        List<Played> played = new ArrayList<>(history(plan, systems));
        Instant dayStarted = Instant.now();
        SimulatedClock dayClock = new SimulatedClock(options.day().atStartOfDay(Options.BAGHDAD).toInstant(), dayStarted,
                options.wallMillisPerSimulatedSecond());
        CrossingSystems daySystems = new CrossingSystems(clients, dayClock);
        played.addAll(day(plan, daySystems, dayClock));
        Duration dayTook = Duration.between(dayStarted, Instant.now());
        List<Played> failed = played.stream().filter(Played::failed).toList();
        failed.stream().limit(10).forEach(p -> out.println("  failed " + p.consignment().reference() + ": " + p.failure()));
        Map<UUID, Set<String>> truth = new LinkedHashMap<>();
        played.stream().filter(p -> !p.failed()).forEach(p -> Expectations.addTo(truth, p));
        settle(played);
        List<DiscrepancyView> discrepancies = stableDiscrepancies();
        Detection detection = Detection.of(truth, discrepancies);
        RevenueReport revenue = audit.read("revenue", () -> clients.revenue("auditor").revenue(options.day().toString(),
                options.day().toString(), "crossing"));
        String summary = summary(plan, played, detection, discrepancies, revenue, truth, dayTook);
        write(played, truth, detection, discrepancies, summary);
        return new Result(plan, played, truth, detection, discrepancies, revenue, summary, failed.size(), dayTook,
                Traffic.of(systems, daySystems));
    }

    /** One licence in force for generating sets and transformers, one of the same kind revoked before the day. */
    private TrafficPlan.Licences issueLicences() {
        String valid = "INV-" + options.tag() + "-1";
        String revoked = "INV-" + options.tag() + "-2";
        List<String> scope = List.of("8502", "8504");
        for (String number : List.of(valid, revoked)) {
            LicenceRequest request = new LicenceRequest().number(number)
                    .holder(new Holder().taxId(Goods.INVESTOR.taxId()).name(Goods.INVESTOR.name()))
                    .kind(LicenceKind.INVESTMENT).hsScope(scope).validFrom(options.day().minusYears(1))
                    .validTo(options.day().plusYears(2)).implementationRate(new BigDecimal(number.equals(valid) ? "62" : "20"))
                    .legalBasis("Investment Law No. 13 of 2006 (simulated licence)");
            try {
                clients.exemptions("tariff-admin").issue(request);
            } catch (ApiException e) {
                if (e.getCode() != 409) {
                    throw new IllegalStateException("could not issue licence " + number + ": " + e.getResponseBody(), e);
                }
            }
        }
        try {
            clients.exemptions("tariff-admin").revoke(revoked, new RevocationRequest().effectiveFrom(options.day().minusDays(10))
                    .reason("Implementation rate at or below 35 % (simulated)").legalBasis("Council of Ministers decision (simulated)"));
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                throw new IllegalStateException("could not revoke licence " + revoked + ": " + e.getResponseBody(), e);
            }
        }
        return new TrafficPlan.Licences(valid, scope, revoked);
    }

    /** Offline crossings upload the weeks before the day in batches; then each consignment's story is played. */
    private List<Played> history(TrafficPlan plan, CrossingSystems systems) {
        Map<String, List<Consignment>> byCrossing = plan.history().stream()
                .collect(Collectors.groupingBy(Consignment::crossing, LinkedHashMap::new, Collectors.toList()));
        Map<String, BatchLineResult> filed = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, options.threads()));
        try {
            List<Future<Map<String, BatchLineResult>>> uploads = new ArrayList<>();
            byCrossing.forEach((crossing, list) -> uploads.add(pool.submit(() -> systems.upload(crossing, list, 500))));
            for (Future<Map<String, BatchLineResult>> upload : uploads) {
                filed.putAll(upload.get());
            }
            List<Future<Played>> stories = new ArrayList<>();
            for (Consignment c : plan.history()) {
                stories.add(pool.submit(() -> systems.play(c, Optional.ofNullable(filed.get(c.reference())))));
            }
            List<Played> played = new ArrayList<>();
            for (Future<Played> story : stories) {
                played.add(story.get());
            }
            out.printf("History: %d declarations uploaded in offline batches and settled%n", played.size());
            return played;
        } catch (Exception e) {
            throw new IllegalStateException("history upload failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The day itself, paced: each consignment starts at its lodgement's wall-clock moment. */
    private List<Played> day(TrafficPlan plan, CrossingSystems systems, SimulatedClock clock) {
        ExecutorService pool = Executors.newCachedThreadPool();
        List<Future<Played>> stories = new ArrayList<>();
        Instant nextProgress = Instant.now().plusSeconds(15);
        try {
            for (Consignment c : plan.day()) {
                clock.waitUntil(c.lodgedAt());
                stories.add(pool.submit(() -> systems.play(c, Optional.empty())));
                if (Instant.now().isAfter(nextProgress)) {
                    out.printf("  %s lodged %d of %d, %d requests, %d retries%n",
                            c.lodgedAt().atZoneSameInstant(Options.BAGHDAD).toLocalTime().withNano(0), stories.size(),
                            plan.day().size(), systems.requests(), systems.retries());
                    nextProgress = Instant.now().plusSeconds(15);
                }
            }
            List<Played> played = new ArrayList<>();
            for (Future<Played> story : stories) {
                played.add(story.get());
            }
            out.printf("Day played: %d declarations, %d writes, %d retried, %d sent twice on purpose%n", played.size(),
                    systems.requests(), systems.retries(), systems.repeats());
            return played;
        } catch (Exception e) {
            throw new IllegalStateException("the day could not be played: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Waits until the audit service has every release and receipt of the day, then for its
     * unpaid-release grace and a sweep, so time-based cases have had their chance.
     */
    private void settle(List<Played> played) {
        Instant giveUp = Instant.now().plusSeconds(options.settleSeconds());
        for (Played p : played) {
            if (p.failed() || p.consignment().history()) {
                continue;
            }
            while (true) {
                CorrelationView story = correlation(p.declarationId());
                boolean complete = story != null && story.getReleasedAt() != null
                        && (story.getReceipts() == null ? 0 : story.getReceipts().size()) >= p.receipts();
                if (complete) {
                    break;
                }
                if (Instant.now().isAfter(giveUp)) {
                    out.println("  the audit service had not seen all of " + p.declarationId() + " within "
                            + options.settleSeconds() + " s");
                    break;
                }
                sleep(500);
            }
        }
        out.printf("Audit service has the whole day; waiting %d s for the unpaid-release grace and a sweep%n",
                options.graceSeconds() + 5);
        sleep((options.graceSeconds() + 5) * 1000L);
    }

    private CorrelationView correlation(UUID id) {
        return audit.read("correlation of " + id, () -> {
            try {
                return clients.correlation("auditor").correlation(id.toString());
            } catch (iq.gov.bcc.client.audit.ApiException e) {
                if (e.getCode() == 404) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** Every discrepancy, read until two readings a few seconds apart agree. */
    private List<DiscrepancyView> stableDiscrepancies() {
        List<String> previous = List.of();
        Instant giveUp = Instant.now().plusSeconds(options.settleSeconds());
        while (true) {
            List<DiscrepancyView> all = allDiscrepancies();
            List<String> now = all.stream().map(d -> d.getId() + d.getStatus()).sorted().toList();
            if (now.equals(previous) || Instant.now().isAfter(giveUp)) {
                return all;
            }
            previous = now;
            sleep(3000);
        }
    }

    private List<DiscrepancyView> allDiscrepancies() {
        List<DiscrepancyView> all = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            DiscrepancyPage page = audit.read("discrepancies", () -> clients.discrepancies("auditor").discrepancies(null, after, null,
                    "500", null, null, null, null));
            all.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null);
        return all;
    }

    private String summary(TrafficPlan plan, List<Played> played, Detection detection, List<DiscrepancyView> discrepancies,
            RevenueReport revenue, Map<UUID, Set<String>> truth, Duration dayTook) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%n=== %s: %d declarations at %d crossings, played in %d s ===%n%n",
                options.day(), plan.day().size(), plan.day().stream().map(Consignment::crossing).distinct().count(),
                dayTook.toSeconds()));
        s.append("Revenue on the day, by crossing (IQD): assessed, collected, gap\n");
        List<RevenueRow> rows = new ArrayList<>(revenue.getRows());
        rows.sort(Comparator.comparing((RevenueRow r) -> new BigDecimal(r.getCurrent().getGapIqd())).reversed());
        for (RevenueRow row : rows) {
            BigDecimal assessed = new BigDecimal(row.getCurrent().getAssessedIqd());
            BigDecimal collected = new BigDecimal(row.getCurrent().getCollectedIqd());
            s.append(String.format(Locale.ROOT, "  %-4s %,20.0f %,20.0f %,20.0f  %5.1f %% collected%n", row.getKey(),
                    assessed, collected, new BigDecimal(row.getCurrent().getGapIqd()),
                    assessed.signum() == 0 ? 100.0 : collected.multiply(BigDecimal.valueOf(100)).divide(assessed, 1,
                            RoundingMode.HALF_UP).doubleValue()));
        }
        s.append(String.format(Locale.ROOT, "  all  %,20.0f %,20.0f %,20.0f%n%n", new BigDecimal(revenue.getTotal().getAssessedIqd()),
                new BigDecimal(revenue.getTotal().getCollectedIqd()), new BigDecimal(revenue.getTotal().getGapIqd())));
        s.append("Top open discrepancies by amount at stake:\n");
        discrepancies.stream().filter(d -> truth.containsKey(d.getDeclarationId()) && !"CLOSED".equals(d.getStatus())
                        && d.getAmountAtStakeIqd() != null)
                .sorted(Comparator.comparing((DiscrepancyView d) -> new BigDecimal(d.getAmountAtStakeIqd())).reversed())
                .limit(10)
                .forEach(d -> s.append(String.format(Locale.ROOT, "  %-30s %-4s %,16.0f IQD  %s#/discrepancies/%s%n      %s/api/v1/discrepancies/%s%n",
                        d.getType(), d.getCrossingCode(), new BigDecimal(d.getAmountAtStakeIqd()), options.consoleBase(),
                        d.getId(), options.auditService(), d.getId())));
        s.append("\nDetection against the ground truth (").append(truth.size()).append(" declarations):\n");
        s.append(detection.table());
        s.append("Ground truth and reports in ").append(options.output().toAbsolutePath()).append('\n');
        return s.toString();
    }

    private void write(List<Played> played, Map<UUID, Set<String>> truth, Detection detection,
            List<DiscrepancyView> discrepancies, String summary) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        try {
            Files.createDirectories(options.output());
            List<String> lines = new ArrayList<>();
            for (Played p : played) {
                if (p.failed()) {
                    continue;
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("declarationId", p.declarationId());
                line.put("reference", p.consignment().reference());
                line.put("crossing", p.consignment().crossing());
                line.put("history", p.consignment().history());
                line.put("fraud", p.consignment().fraud().map(Enum::name).orElse(null));
                line.put("lane", p.lane());
                line.put("expected", truth.get(p.declarationId()));
                lines.add(json.writeValueAsString(line));
                if (p.orphanDeclaration() != null) {
                    lines.add(json.writeValueAsString(Map.of("declarationId", p.orphanDeclaration(), "crossing",
                            p.consignment().crossing(), "fraud", "ORPHAN_RECEIPT", "expected", List.of("ORPHAN_PAYMENT"))));
                }
            }
            Files.write(options.output().resolve("ground-truth.jsonl"), lines);
            List<String> cases = new ArrayList<>();
            for (DiscrepancyView d : discrepancies) {
                if (truth.containsKey(d.getDeclarationId())) {
                    cases.add(json.writeValueAsString(d));
                }
            }
            Files.write(options.output().resolve("discrepancies.jsonl"), cases);
            Files.writeString(options.output().resolve("detection.md"), summary);
            Files.writeString(options.output().resolve("detection.json"), json.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(detection));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
