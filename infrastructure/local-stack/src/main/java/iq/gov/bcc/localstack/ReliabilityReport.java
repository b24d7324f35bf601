package iq.gov.bcc.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fills the tables of docs/reliability.md from the {@link ReliabilityRecord}s the tests wrote. The
 * prose stays as written; only what lies between {@code <!-- reliability:GROUP -->} and
 * {@code <!-- /reliability:GROUP -->} is replaced, by the records of that group.
 *
 * <pre>java -cp infrastructure/local-stack/target/classes iq.gov.bcc.localstack.ReliabilityReport docs/reliability.md .</pre>
 */
public final class ReliabilityReport {

    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- reliability:([a-z-]+) -->\\n)(.*?)(<!-- /reliability:\\2 -->)", Pattern.DOTALL);

    private ReliabilityReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ReliabilityReport <report.md> <project root>");
            System.exit(2);
        }
        Path report = Path.of(args[0]);
        List<ReliabilityRecord> records = ReliabilityRecord.readAll(recordDirectories(Path.of(args[1])));
        Files.writeString(report, render(Files.readString(report, StandardCharsets.UTF_8), records, LocalDate.now()),
                StandardCharsets.UTF_8);
        System.out.println(records.size() + " records into " + report);
    }

    /** {@code <module>/target/reliability} of every module, two levels deep at most. */
    static List<Path> recordDirectories(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root, 4)) {
            return paths.filter(p -> p.endsWith(Path.of("target", "reliability")) && Files.isDirectory(p))
                    .sorted().toList();
        }
    }

    static String render(String document, List<ReliabilityRecord> records, LocalDate day) {
        Matcher block = BLOCK.matcher(document);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            String group = block.group(2);
            String body = group.equals("generated")
                    ? "Tables regenerated on " + day + " by `scripts/reliability-report.sh`.\n"
                    : table(records.stream().filter(r -> group.equals(r.group())).toList());
            block.appendReplacement(out, Matcher.quoteReplacement(block.group(1) + body + block.group(4)));
        }
        block.appendTail(out);
        return out.toString();
    }

    static String table(List<ReliabilityRecord> records) {
        if (records.isEmpty()) {
            return "_No record yet: the tests of this section have not run (or have not passed) since the last "
                    + "clean build._\n";
        }
        List<String> lines = new ArrayList<>();
        lines.add("| case | service | injected | sent | accepted | delivered | duplicated | result |");
        lines.add("|---|---|---|---:|---:|---:|---:|---|");
        for (ReliabilityRecord r : records) {
            lines.add("| `" + r.id() + "` | " + cell(r.service()) + " | " + cell(r.injected()) + " | " + r.sent()
                    + " | " + r.accepted() + " | " + r.delivered() + " | " + r.duplicated() + " | " + cell(r.result())
                    + " |");
        }
        return String.join("\n", lines) + "\n";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
