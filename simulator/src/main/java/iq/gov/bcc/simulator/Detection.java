package iq.gov.bcc.simulator;

import iq.gov.bcc.client.audit.model.DiscrepancyView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Detection quality per discrepancy type: the cases the audit service has open (not closed by later
 * facts) on this run's declarations, against the ground truth. Precision: the share of raised cases
 * that were meant; recall: the share of meant cases raised.
 */
public record Detection(List<Row> rows, int transientCases) {

    /** Targets: deterministic rules recall 1.00 and precision 0.99; the statistical one 0.90 for both. */
    public record Row(String type, int expected, int raised, int truePositives, double precision, double recall,
            double targetPrecision, double targetRecall) {

        public int falsePositives() {
            return raised - truePositives;
        }

        public int falseNegatives() {
            return expected - truePositives;
        }

        public boolean meetsTarget() {
            return precision >= targetPrecision && recall >= targetRecall;
        }
    }

    public static Detection of(Map<UUID, Set<String>> truth, List<DiscrepancyView> discrepancies) {
        List<Row> rows = new ArrayList<>();
        int transientCases = 0;
        for (DiscrepancyView d : discrepancies) {
            if (truth.containsKey(d.getDeclarationId()) && "CLOSED".equals(d.getStatus())) {
                transientCases++;
            }
        }
        for (String type : Expectations.TYPES) {
            Set<UUID> expected = new HashSet<>();
            truth.forEach((id, types) -> {
                if (types.contains(type)) {
                    expected.add(id);
                }
            });
            Set<UUID> raised = new HashSet<>();
            for (DiscrepancyView d : discrepancies) {
                if (type.equals(d.getType()) && truth.containsKey(d.getDeclarationId()) && !"CLOSED".equals(d.getStatus())) {
                    raised.add(d.getDeclarationId());
                }
            }
            Set<UUID> hits = new HashSet<>(raised);
            hits.retainAll(expected);
            double precision = raised.isEmpty() ? 1.0 : (double) hits.size() / raised.size();
            double recall = expected.isEmpty() ? 1.0 : (double) hits.size() / expected.size();
            boolean statistical = "UNIT_VALUE_OUTLIER".equals(type);
            rows.add(new Row(type, expected.size(), raised.size(), hits.size(), precision, recall,
                    statistical ? 0.90 : 0.99, statistical ? 0.90 : 1.00));
        }
        return new Detection(rows, transientCases);
    }

    public boolean meetsTargets() {
        return rows.stream().allMatch(Row::meetsTarget);
    }

    /** The table printed after a run and written to detection.md. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append("| type | meant | raised | hit | missed | wrong | precision | recall | target | |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.3f | %.3f | P>=%.2f R>=%.2f | %s |%n",
                    r.type(), r.expected(), r.raised(), r.truePositives(), r.falseNegatives(), r.falsePositives(),
                    r.precision(), r.recall(), r.targetPrecision(), r.targetRecall(), r.meetsTarget() ? "ok" : "BELOW TARGET"));
        }
        out.append(String.format(Locale.ROOT, "%nCases raised and then closed by later facts (not counted above): %d%n",
                transientCases));
        return out.toString();
    }
}
