package iq.gov.bcc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import iq.gov.bcc.audit.domain.Receipt;
import iq.gov.bcc.audit.domain.rules.Finding;
import iq.gov.bcc.audit.domain.rules.Releases;
import iq.gov.bcc.audit.domain.rules.ReferenceFacts;
import iq.gov.bcc.audit.domain.rules.RuleContext;
import iq.gov.bcc.audit.domain.rules.UnderpaymentRule;
import iq.gov.bcc.audit.domain.rules.UnitValueOutlierRule;
import iq.gov.bcc.audit.domain.rules.UnpaidReleaseRule;
import iq.gov.bcc.audit.service.Cursor;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Single rules on hand-built stories: no servers. */
class RuleUnitTest {

    static final RulesConfig CONFIG = new RulesConfig();

    static ReferenceFacts reference(List<BigDecimal> unitValues) {
        return new ReferenceFacts() {
            @Override
            public List<Receipt> receiptsNumbered(String receiptNumber) {
                return List.of();
            }

            @Override
            public List<BigDecimal> unitValues(String hs6, String origin, UUID exclude, OffsetDateTime lodgedAt, int window) {
                return unitValues;
            }

            @Override
            public Optional<Licence> licence(String number) {
                return Optional.empty();
            }
        };
    }

    static DeclarationStory story(Events.Declaration d, String duty, List<Receipt> receipts, String... extra) throws Exception {
        List<DeclarationStory.Fact> facts = new java.util.ArrayList<>();
        facts.add(fact(d.filed()));
        facts.add(fact(d.assessed(1, "17292000.000", duty, null)));
        for (String e : extra) {
            facts.add(fact(e));
        }
        return new DeclarationStory(d.id, facts, receipts);
    }

    static DeclarationStory.Fact fact(String event) throws Exception {
        JsonNode node = Events.JSON.readTree(event);
        return new DeclarationStory.Fact(node.path("type").asText(), node.path("data"));
    }

    static Receipt receipt(UUID declaration, String iqd) {
        Receipt r = new Receipt();
        r.receiptId = UUID.randomUUID();
        r.receiptNumber = "R-1";
        r.crossingCode = "SHL";
        r.declarationId = declaration;
        r.amount = new BigDecimal(iqd);
        r.amountIqd = new BigDecimal(iqd);
        r.currency = "IQD";
        r.paidAt = OffsetDateTime.now(ZoneOffset.UTC);
        return r;
    }

    @Test
    void offHoursWindowRunsOverMidnightInBaghdad() {
        assertThat(Releases.offHours(OffsetDateTime.parse("2026-11-21T15:00:00Z"), CONFIG)).isTrue(); // 18:00
        assertThat(Releases.offHours(OffsetDateTime.parse("2026-11-21T14:59:59Z"), CONFIG)).isFalse(); // 17:59:59
        assertThat(Releases.offHours(OffsetDateTime.parse("2026-11-21T02:59:00Z"), CONFIG)).isTrue(); // 05:59
        assertThat(Releases.offHours(OffsetDateTime.parse("2026-11-21T03:00:00Z"), CONFIG)).isFalse(); // 06:00
        assertThat(Releases.offHours(OffsetDateTime.parse("2026-11-21T23:30:00+03:00"), CONFIG)).isTrue();
    }

    @Test
    void underpaymentHonoursTheTolerance() throws Exception {
        Events.Declaration d = new Events.Declaration();
        RuleContext context = new RuleContext(CONFIG, OffsetDateTime.now(ZoneOffset.UTC), reference(List.of()));
        // tolerance: max(1000, 0.5 % of 2,593,800 = 12,969)
        assertThat(new UnderpaymentRule().evaluate(story(d, "2593800.000", List.of(receipt(d.id, "2580831.000"))), context))
                .isEmpty();
        List<Finding> findings = new UnderpaymentRule().evaluate(story(d, "2593800.000",
                List.of(receipt(d.id, "2580830.000"))), context);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(DiscrepancyType.UNDERPAYMENT);
            assertThat(f.amountAtStake()).isEqualByComparingTo("12970.000");
        });
        // no receipt at all is not an underpayment
        assertThat(new UnderpaymentRule().evaluate(story(d, "2593800.000", List.of()), context)).isEmpty();
    }

    @Test
    void unpaidReleaseWaitsForTheGracePeriodAndDatesTheCaseAtItsEnd() throws Exception {
        Events.Declaration d = new Events.Declaration();
        OffsetDateTime releasedAt = OffsetDateTime.parse("2026-11-20T09:00:00Z");
        DeclarationStory story = story(d, "2593800.000", List.of(), d.released(1, releasedAt));
        UnpaidReleaseRule rule = new UnpaidReleaseRule();
        assertThat(rule.evaluate(story, new RuleContext(CONFIG, releasedAt.plusHours(23), reference(List.of())))).isEmpty();
        List<Finding> findings = rule.evaluate(story, new RuleContext(CONFIG, releasedAt.plusHours(25), reference(List.of())));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.detectedAt()).isEqualTo(releasedAt.plusHours(24));
            assertThat(f.amountAtStake()).isEqualByComparingTo("2593800.000");
        });
    }

    @Test
    void outlierNeedsTheMinimumSampleAndARobustZBelowTheThreshold() throws Exception {
        Events.Declaration d = new Events.Declaration();
        d.netKg = 1000;
        DeclarationStory cheap = new DeclarationStory(d.id, List.of(fact(d.filed()), fact(d.assessed(1, "100000.000", "15000.000", null))),
                List.of());
        List<BigDecimal> usual = List.of(1000, 1050, 980, 1020, 990, 1010).stream().map(BigDecimal::valueOf).toList();
        UnitValueOutlierRule rule = new UnitValueOutlierRule();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(rule.evaluate(cheap, new RuleContext(CONFIG, now, reference(usual.subList(0, 4))))).isEmpty();
        assertThat(rule.evaluate(cheap, new RuleContext(CONFIG, now, reference(usual)))).singleElement()
                .satisfies(f -> assertThat(f.amountAtStake()).isEqualByComparingTo("135750.000"));

        DeclarationStory fair = new DeclarationStory(d.id, List.of(fact(d.filed()), fact(d.assessed(1, "960000.000", "144000.000", null))),
                List.of());
        assertThat(rule.evaluate(fair, new RuleContext(CONFIG, now, reference(usual)))).isEmpty();
    }

    @Test
    void cursorRoundTrips() {
        Cursor cursor = new Cursor(OffsetDateTime.parse("2026-11-21T06:30:00.123456Z"), UUID.randomUUID());
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }
}
