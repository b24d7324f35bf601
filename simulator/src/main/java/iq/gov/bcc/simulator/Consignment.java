package iq.gov.bcc.simulator;

import iq.gov.bcc.client.declaration.model.Direction;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The planned story of one declaration: what is declared, what the goods really are, and when each
 * step happens at the crossing. Planned from the seed alone; the crossing system then plays it.
 *
 * @param crossing          the crossing that files it
 * @param exitCrossing      for a transit, where the goods must leave Iraq
 * @param items             what is declared
 * @param weighedGrossKg    what the weighbridge reads (the truth), or null if not weighed
 * @param reclassifyTo      for the reclassification fraud, the cheaper HS code of item 1
 * @param receiptNumber     this declaration's receipt number, or another crossing's for the duplicate fraud
 * @param paidShare         share of the assessed duty collected (1 honest; 0 no receipt)
 * @param orphanDeclaration for the orphan-receipt fraud, the unknown declaration the extra receipt names
 * @param inspect           whether the crossing inspects before release whatever the lane says
 * @param skipInspection    whether the crossing skips the inspection the lane asks for
 * @param exits             for a transit, whether the goods leave at the exit crossing
 * @param history           lodged before the simulated day and uploaded in an offline batch
 */
public record Consignment(int index, String crossing, String reference, Direction direction, String exitCrossing,
        OffsetDateTime transitDeadline, String originCountry, Goods.Trader trader, String vehiclePlate,
        List<Item> items, OffsetDateTime lodgedAt, OffsetDateTime amendedAt, OffsetDateTime weighedAt,
        BigDecimal weighedGrossKg, OffsetDateTime inspectedAt, OffsetDateTime paidAt, OffsetDateTime releasedAt,
        OffsetDateTime exitedAt, Optional<String> reclassifyTo, String receiptNumber, BigDecimal paidShare,
        UUID orphanDeclaration, String orphanReceiptNumber, boolean inspect, boolean skipInspection, boolean exits,
        Optional<Fraud> fraud, boolean history) {

    /** One declared item: the commodity, its weights and value, and an exemption licence claimed. */
    public record Item(Goods.Commodity commodity, BigDecimal quantity, BigDecimal netWeightKg, BigDecimal grossWeightKg,
            BigDecimal value, String currency, String exemptionLicence) {
    }

    /** A copy to change before it is played: how a fraud pattern turns an honest plan into its own. */
    public Draft draft() {
        return new Draft(this);
    }

    /** The changeable fields of a consignment. */
    public static final class Draft {
        private final Consignment base;
        public List<Item> items;
        public OffsetDateTime weighedAt;
        public BigDecimal weighedGrossKg;
        public Optional<String> reclassifyTo;
        public String receiptNumber;
        public BigDecimal paidShare;
        public UUID orphanDeclaration;
        public String orphanReceiptNumber;
        public boolean inspect;
        public boolean skipInspection;
        public Optional<Fraud> fraud;

        private Draft(Consignment c) {
            base = c;
            items = c.items;
            weighedAt = c.weighedAt;
            weighedGrossKg = c.weighedGrossKg;
            reclassifyTo = c.reclassifyTo;
            receiptNumber = c.receiptNumber;
            paidShare = c.paidShare;
            orphanDeclaration = c.orphanDeclaration;
            orphanReceiptNumber = c.orphanReceiptNumber;
            inspect = c.inspect;
            skipInspection = c.skipInspection;
            fraud = c.fraud;
        }

        public Consignment done() {
            Consignment c = base;
            return new Consignment(c.index, c.crossing, c.reference, c.direction, c.exitCrossing, c.transitDeadline,
                    c.originCountry, c.trader, c.vehiclePlate, items, c.lodgedAt, c.amendedAt, weighedAt, weighedGrossKg,
                    c.inspectedAt, c.paidAt, c.releasedAt, c.exitedAt, reclassifyTo, receiptNumber, paidShare,
                    orphanDeclaration, orphanReceiptNumber, inspect, skipInspection, c.exits, fraud, c.history);
        }
    }

    public BigDecimal declaredGrossKg() {
        return items.stream().map(Item::grossWeightKg).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
