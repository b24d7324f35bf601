package iq.gov.bcc.simulator;

import iq.gov.bcc.client.declaration.model.Direction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Plans a day of traffic at the land crossings from the seed alone: the same seed and options give
 * the same consignments, the same frauds and the same timestamps. Honest crossings weigh most
 * trucks, inspect what the lane or the night asks for, collect the assessed duty and release; a
 * share of declarations gets one fraud pattern instead.
 */
public final class TrafficPlan {

    /** A land crossing and the country across the border. */
    public record Crossing(String code, String neighbour) {
    }

    /** The exemption licences the plan may claim: one in force, one revoked before the day. */
    public record Licences(String valid, List<String> validScope, String revoked) {
    }

    private static final double VALUE_SPREAD = 0.08;

    private final Options options;
    private final List<Crossing> crossings;
    private final Licences licences;
    private final Random random;
    private final ZonedDateTime dayStart;
    private final List<Consignment> history = new ArrayList<>();
    private final List<Consignment> day = new ArrayList<>();
    private final Map<Fraud, Integer> frauds = new EnumMap<>(Fraud.class);
    private int sequence;

    public TrafficPlan(Options options, List<Crossing> crossings, Licences licences) {
        this.options = options;
        this.crossings = crossings.stream().sorted(Comparator.comparing(Crossing::code)).toList();
        this.licences = licences;
        this.random = new Random(options.seed());
        this.dayStart = options.day().atStartOfDay(Options.BAGHDAD);
        planHistory();
        planDay();
    }

    public List<Consignment> history() {
        return history;
    }

    public List<Consignment> day() {
        return day;
    }

    public Map<Fraud, Integer> frauds() {
        return frauds;
    }

    /** Honest declarations of every route over the four weeks before the day, uploaded by offline crossings. */
    private void planHistory() {
        for (String origin : List.of("IR", "TR", "SY", "JO", "SA", "KW")) {
            List<Crossing> at = crossings.stream().filter(c -> c.neighbour().equals(origin)).toList();
            if (at.isEmpty()) {
                continue;
            }
            for (Goods.Commodity commodity : Goods.from(origin)) {
                for (int n = 0; n < options.history(); n++) {
                    Crossing crossing = at.get(random.nextInt(at.size()));
                    OffsetDateTime lodged = dayStart.minusDays(1 + random.nextInt(27))
                            .with(LocalTime.of(8 + random.nextInt(6), random.nextInt(60))).toOffsetDateTime();
                    history.add(honestImport(crossing, origin, List.of(commodity), lodged, true));
                }
            }
        }
        history.sort(Comparator.comparing(Consignment::lodgedAt));
    }

    private void planDay() {
        List<Consignment> planned = new ArrayList<>();
        for (int n = 0; n < options.declarations(); n++) {
            Crossing crossing = crossings.get(random.nextInt(crossings.size()));
            String origin = crossing.neighbour();
            double kind = random.nextDouble();
            boolean fraudulent = random.nextDouble() < options.fraudRate();
            if (fraudulent) {
                planned.add(fraud(crossing, origin));
            } else if (kind < 0.07 && exitFor(crossing).isPresent()) {
                planned.add(transit(crossing, origin, true));
            } else if (kind < 0.12) {
                planned.add(export(crossing));
            } else if (kind < 0.14) {
                planned.add(exempt(crossing, origin, Goods.GENERATORS, licences.valid(), Optional.empty()));
            } else {
                planned.add(honestImport(crossing, origin, goods(origin), lodgedDuringTheDay(), false));
            }
        }
        planned.sort(Comparator.comparing(Consignment::lodgedAt));
        day.addAll(planned);
    }

    private Consignment fraud(Crossing crossing, String origin) {
        List<Fraud> eligible = new ArrayList<>(List.of(Fraud.WEIGHT_UNDER_DECLARED, Fraud.NIGHT_RELEASE_UNINSPECTED,
                Fraud.SHORT_RECEIPT, Fraud.MISSING_RECEIPT, Fraud.ORPHAN_RECEIPT, Fraud.REVOKED_LICENCE,
                Fraud.OUT_OF_SCOPE_LICENCE));
        if (Goods.from(origin).stream().anyMatch(c -> c.cheaperHsCode().isPresent())) {
            eligible.add(Fraud.RECLASSIFIED_AFTER_FILING);
        }
        if (options.history() > 0) {
            eligible.add(Fraud.UNDERVALUED);
            eligible.add(Fraud.DUPLICATE_RECEIPT);
        }
        if (exitFor(crossing).isPresent()) {
            eligible.add(Fraud.TRANSIT_NOT_EXITED);
        }
        if (Goods.from(origin).contains(Goods.CIGARETTES)) {
            eligible.add(Fraud.RED_LANE_UNINSPECTED);
        }
        Fraud fraud = eligible.get(random.nextInt(eligible.size()));
        frauds.merge(fraud, 1, Integer::sum);
        return switch (fraud) {
            case RECLASSIFIED_AFTER_FILING -> {
                Goods.Commodity renamed = pick(Goods.from(origin).stream().filter(c -> c.cheaperHsCode().isPresent()).toList());
                Consignment c = honestImport(crossing, origin, List.of(renamed), lodgedDuringTheDay(), false);
                Consignment.Draft d = with(c, fraud);
                d.reclassifyTo = renamed.cheaperHsCode();
                yield d.done();
            }
            case WEIGHT_UNDER_DECLARED -> {
                Consignment c = honestImport(crossing, origin, goods(origin), lodgedDuringTheDay(), false);
                BigDecimal truth = c.declaredGrossKg();
                double share = 0.65 + random.nextDouble() * 0.1;
                List<Consignment.Item> lighter = c.items().stream().map(i -> new Consignment.Item(i.commodity(),
                        i.quantity(), scale(i.netWeightKg(), share), scale(i.grossWeightKg(), share), i.value(),
                        i.currency(), i.exemptionLicence())).toList();
                Consignment.Draft d = with(c, fraud);
                d.items = lighter;
                d.weighedAt = c.weighedAt() == null ? c.lodgedAt().plusMinutes(20) : c.weighedAt();
                d.weighedGrossKg = reading(truth);
                yield d.done();
            }
            case NIGHT_RELEASE_UNINSPECTED -> {
                OffsetDateTime lodged = at(17 + random.nextInt(4), random.nextInt(60));
                Consignment c = honestImport(crossing, origin, goods(origin), lodged, false);
                yield uninspected(with(c, fraud));
            }
            case SHORT_RECEIPT -> {
                Consignment.Draft d = with(honestImport(crossing, origin, dutiable(origin), lodgedDuringTheDay(), false), fraud);
                d.paidShare = BigDecimal.valueOf(40 + random.nextInt(41)).movePointLeft(2);
                yield d.done();
            }
            case MISSING_RECEIPT -> {
                Consignment.Draft d = with(honestImport(crossing, origin, dutiable(origin), lodgedDuringTheDay(), false), fraud);
                d.paidShare = BigDecimal.ZERO;
                yield d.done();
            }
            case DUPLICATE_RECEIPT -> {
                Consignment c = honestImport(crossing, origin, dutiable(origin), lodgedDuringTheDay(), false);
                List<Consignment> others = history.stream().filter(h -> !h.crossing().equals(crossing.code())
                        && h.items().stream().allMatch(i -> dutiable(i.commodity()))).toList();
                Consignment.Draft d = with(c, fraud);
                d.receiptNumber = pick(others).receiptNumber();
                yield d.done();
            }
            case ORPHAN_RECEIPT -> {
                Consignment.Draft d = with(honestImport(crossing, origin, goods(origin), lodgedDuringTheDay(), false), fraud);
                d.orphanDeclaration = new UUID(random.nextLong(), random.nextLong());
                d.orphanReceiptNumber = receiptNumber(crossing.code()) + "-X";
                yield d.done();
            }
            case REVOKED_LICENCE -> exempt(crossing, origin, Goods.GENERATORS, licences.revoked(), Optional.of(fraud));
            case OUT_OF_SCOPE_LICENCE -> exempt(crossing, origin, pick(Goods.from(origin).stream().filter(TrafficPlan::dutiable)
                    .filter(c -> licences.validScope().stream().noneMatch(c.hsCode()::startsWith)).toList()),
                    licences.valid(), Optional.of(fraud));
            case UNDERVALUED -> {
                Consignment c = honestImport(crossing, origin, dutiable(origin), lodgedDuringTheDay(), false);
                double share = 0.30 + random.nextDouble() * 0.30;
                List<Consignment.Item> cheap = c.items().stream().map(i -> new Consignment.Item(i.commodity(),
                        i.quantity(), i.netWeightKg(), i.grossWeightKg(), money(i.value().doubleValue() * share),
                        i.currency(), i.exemptionLicence())).toList();
                Consignment.Draft d = with(c, fraud);
                d.items = cheap;
                yield d.done();
            }
            case TRANSIT_NOT_EXITED -> with(transit(crossing, origin, false), fraud).done();
            case RED_LANE_UNINSPECTED -> uninspected(with(honestImport(crossing, origin, List.of(Goods.CIGARETTES),
                    at(8 + random.nextInt(6), random.nextInt(60)), false), fraud));
        };
    }

    private Consignment honestImport(Crossing crossing, String origin, List<Goods.Commodity> goods, OffsetDateTime lodged,
            boolean history) {
        List<Consignment.Item> items = goods.stream().map(g -> item(g, origin, null)).toList();
        return importOf(crossing, origin, pick(Goods.traders(origin)), items, lodged, history);
    }

    private Consignment importOf(Crossing crossing, String origin, Goods.Trader trader, List<Consignment.Item> items,
            OffsetDateTime lodged, boolean history) {
        BigDecimal gross = items.stream().map(Consignment.Item::grossWeightKg).reduce(BigDecimal.ZERO, BigDecimal::add);
        OffsetDateTime weighedAt = random.nextDouble() < 0.85 ? lodged.plusMinutes(10 + random.nextInt(30)) : null;
        OffsetDateTime released = lodged.plusMinutes(110 + random.nextInt(60));
        return new Consignment(sequence, crossing.code(), reference(crossing.code()), Direction.IMPORT, null, null, origin,
                trader, plate(), items, lodged, lodged.plusMinutes(20 + random.nextInt(10)), weighedAt,
                weighedAt == null ? null : reading(gross), lodged.plusMinutes(40 + random.nextInt(40)),
                lodged.plusMinutes(60 + random.nextInt(40)), released, null, Optional.empty(), receiptNumber(crossing.code()),
                BigDecimal.ONE, null, null, offHours(released), false, true, Optional.empty(), history);
    }

    private Consignment exempt(Crossing crossing, String origin, Goods.Commodity commodity, String licence,
            Optional<Fraud> fraud) {
        Consignment c = importOf(crossing, origin, Goods.INVESTOR, List.of(item(commodity, origin, licence)),
                lodgedDuringTheDay(), false);
        return fraud.map(f -> with(c, f).done()).orElse(c);
    }

    private Consignment transit(Crossing crossing, String origin, boolean exits) {
        Crossing exit = exitFor(crossing).orElseThrow();
        OffsetDateTime lodged = at(6 + random.nextInt(7), random.nextInt(60));
        OffsetDateTime released = lodged.plusMinutes(60 + random.nextInt(60));
        OffsetDateTime exited = released.plusHours(4 + random.nextInt(5));
        OffsetDateTime end = dayStart.plusDays(1).toOffsetDateTime().minusMinutes(1);
        // Honest transits have two days; the diverted ones are judged within the simulated day.
        OffsetDateTime deadline = exits ? lodged.plusHours(48) : min(lodged.plusHours(6), end);
        List<Consignment.Item> items = List.of(item(pick(Goods.from(origin)), origin, null));
        return new Consignment(sequence, crossing.code(), reference(crossing.code()), Direction.TRANSIT, exit.code(),
                deadline, origin, pick(Goods.traders(origin)), plate(), items, lodged, null, lodged.plusMinutes(15),
                reading(items.get(0).grossWeightKg()), lodged.plusMinutes(30), null, released, exits ? exited : null,
                Optional.empty(), null, BigDecimal.ZERO, null, null, offHours(released), false, exits, Optional.empty(), false);
    }

    private Consignment export(Crossing crossing) {
        OffsetDateTime lodged = lodgedDuringTheDay();
        OffsetDateTime released = lodged.plusMinutes(45 + random.nextInt(45));
        List<Consignment.Item> items = List.of(item(Goods.DATES, "IQ", null));
        return new Consignment(sequence, crossing.code(), reference(crossing.code()), Direction.EXPORT, null, null, "IQ",
                new Goods.Trader("IQ-800900101", "شركة البصرة لتصدير التمور"), plate(), items, lodged, null, null, null,
                lodged.plusMinutes(30), null, released, null, Optional.empty(), null, BigDecimal.ZERO, null, null,
                offHours(released), false, true, Optional.empty(), false);
    }

    private Consignment.Item item(Goods.Commodity commodity, String origin, String licence) {
        int net = commodity.minNetKg() + random.nextInt(commodity.maxNetKg() - commodity.minNetKg() + 1);
        BigDecimal netKg = BigDecimal.valueOf(net);
        BigDecimal gross = scale(netKg, 1.01 + random.nextDouble() * 0.03);
        BigDecimal quantity = commodity.kgPerUnit() == null ? netKg
                : BigDecimal.valueOf(Math.max(1, Math.round(net / commodity.kgPerUnit())));
        String currency = "IQ".equals(origin) ? "USD" : Goods.currency(origin);
        double usd = commodity.usdPerKg() * net * Math.exp(random.nextGaussian() * VALUE_SPREAD);
        BigDecimal value = Goods.fromUsd(BigDecimal.valueOf(usd), currency).setScale(2, RoundingMode.HALF_UP);
        return new Consignment.Item(commodity, quantity, netKg, gross, value, currency, licence);
    }

    private List<Goods.Commodity> goods(String origin) {
        List<Goods.Commodity> all = Goods.from(origin).stream().filter(c -> c != Goods.CIGARETTES || random.nextInt(4) == 0)
                .toList();
        Goods.Commodity first = pick(all);
        if (random.nextDouble() < 0.2) {
            Goods.Commodity second = pick(all);
            if (second != first && second.unit().equals(first.unit())) {
                return List.of(first, second);
            }
        }
        return List.of(first);
    }

    private List<Goods.Commodity> dutiable(String origin) {
        return List.of(pick(Goods.from(origin).stream().filter(TrafficPlan::dutiable).toList()));
    }

    /** Goods with duty to pay under the sample schedule (medicaments are at 0 %). */
    private static boolean dutiable(Goods.Commodity commodity) {
        return !commodity.hsCode().startsWith("30");
    }

    private Optional<Crossing> exitFor(Crossing entry) {
        List<Crossing> exits = crossings.stream().filter(c -> !c.neighbour().equals(entry.neighbour())).toList();
        return exits.isEmpty() ? Optional.empty() : Optional.of(exits.get(random.nextInt(exits.size())));
    }

    /** Most trucks are lodged in daylight, some in the evening; all are released before the day ends. */
    private OffsetDateTime lodgedDuringTheDay() {
        int hour = random.nextDouble() < 0.8 ? 7 + random.nextInt(10) : (random.nextBoolean() ? 3 + random.nextInt(4) : 17 + random.nextInt(4));
        return at(hour, random.nextInt(60));
    }

    private OffsetDateTime at(int hour, int minute) {
        return dayStart.with(LocalTime.of(hour, minute, random.nextInt(60))).toOffsetDateTime();
    }

    /** Between 18:00 and 06:00 in Baghdad, when the crossing must inspect before it releases. */
    private static boolean offHours(OffsetDateTime at) {
        LocalTime time = at.atZoneSameInstant(Options.BAGHDAD).toLocalTime();
        return !time.isBefore(LocalTime.of(18, 0)) || time.isBefore(LocalTime.of(6, 0));
    }

    /** What a calibrated weighbridge reads for goods of this gross weight: within half a percent. */
    private BigDecimal reading(BigDecimal gross) {
        return scale(gross, 1 + (random.nextDouble() - 0.5) * 0.008);
    }

    private static BigDecimal scale(BigDecimal kg, double factor) {
        return BigDecimal.valueOf(Math.round(kg.doubleValue() * factor));
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private String reference(String crossing) {
        sequence++;
        return options.tag() + "-" + crossing + "-" + String.format("%06d", sequence);
    }

    private String receiptNumber(String crossing) {
        return "R-" + options.tag() + "-" + crossing + "-" + String.format("%06d", sequence) + "-" + random.nextInt(10);
    }

    private String plate() {
        return List.of("BSR", "BGD", "ANB", "NJF", "KRB", "DHK", "ARB").get(random.nextInt(7)) + " " + (10000 + random.nextInt(90000));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Released without the inspection the lane or the hour asks for. */
    private static Consignment uninspected(Consignment.Draft draft) {
        draft.inspect = false;
        draft.skipInspection = true;
        return draft.done();
    }

    private static Consignment.Draft with(Consignment c, Fraud fraud) {
        Consignment.Draft draft = c.draft();
        draft.fraud = Optional.of(fraud);
        return draft;
    }
}
