package iq.gov.bcc.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start-up benchmark (benchmarks/service-startup.sh): starts PostgreSQL, Kafka and Keycloak with one
 * service, then stops and starts that service again, and prints for each start the time Quarkus reports
 * ("started in"), the idle RSS five and thirty seconds later (the second after the collector's idle-time
 * collection), and whether the start recorded or used its class-data archive. The first start after a
 * build records one; the starts after it use it.
 */
public final class StartupTimes {

    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    private StartupTimes() {
    }

    public static void main(String[] args) throws InterruptedException {
        String service = args.length > 0 ? args[0] : "declaration-service";
        int starts = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path root = Path.of(System.getProperty("bcc.home", ".")).toAbsolutePath().normalize();
        LocalStack.Layout all = LocalStack.Layout.fromEnvironment();
        if (!all.services().containsKey(service)) {
            throw new IllegalArgumentException("no such service: " + service + "; one of " + LocalStack.SERVICES);
        }
        LocalStack.Layout layout = new LocalStack.Layout(all.postgres(), all.kafka(), all.kafkaController(), all.keycloak(),
                Map.of(service, all.services().get(service)), true);
        LocalStack stack = new LocalStack(root, layout, Map.of());
        try {
            stack.start();
            System.out.println("Services run on " + stack.serviceJvm() + ".");
            System.out.println("| start | class-data archive | started in | idle RSS after 5 s | after 30 s |");
            System.out.println("|---:|---|---:|---:|---:|");
            for (int start = 1; start <= starts; start++) {
                if (start > 1) {
                    stack.startService(service);
                }
                ServerProcess process = stack.process(service);
                String archive = stack.classDataArchive(service);
                Thread.sleep(5_000);
                long early = rssMegabytes(process.pid());
                Thread.sleep(25_000);
                System.out.printf("| %d | %s | %s s | %d MB | %d MB |%n", start, archive, startedIn(process.log()), early,
                        rssMegabytes(process.pid()));
                stack.stopService(service);
            }
        } finally {
            stack.stop();
        }
    }

    private static String startedIn(Path log) {
        try {
            Matcher matcher = STARTED.matcher(Files.readString(log));
            String last = "?";
            while (matcher.find()) {
                last = matcher.group(1);
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long rssMegabytes(long pid) {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            return status.stream().filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(0) / 1024;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
