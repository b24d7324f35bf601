package iq.gov.bcc.simulator;

import iq.gov.bcc.localstack.LocalStack;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's run command: starts the whole system on this machine (PostgreSQL, Kafka, Keycloak and
 * the three services, see {@link LocalStack}), feeds it a simulated day from the 22 crossings, prints
 * what an auditor wants first, and keeps running until Ctrl-C. {@code BCC_SIM_DAY_MINUTES=0} or
 * {@code --no-simulation} starts the system alone.
 *
 * <p>The audit service runs with a one-minute unpaid-release grace here (24 hours by default) so that
 * releases without receipts show up during the demonstration.
 */
public final class LocalDay {

    private static final int DEMO_GRACE_SECONDS = 60;

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("bcc.home", ".")).toAbsolutePath().normalize();
        boolean simulate = !List.of(args).contains("--no-simulation") && !"0".equals(System.getenv("BCC_SIM_DAY_MINUTES"));
        LocalStack.Layout layout = LocalStack.Layout.fromEnvironment();
        Map<String, String> audit = Map.of("BCC_AUDIT_UNPAID_RELEASE_GRACE", "PT" + DEMO_GRACE_SECONDS + "S",
                "BCC_AUDIT_SWEEP_INTERVAL", "5s");
        LocalStack stack = new LocalStack(root, layout, simulate ? Map.of("audit-service", audit) : Map.of());
        stack.runUntilStopped(simulate ? () -> playADay(stack, root, args) : () -> { });
    }

    private static void playADay(LocalStack stack, Path root, String[] args) {
        String[] simulation = List.of(args).stream().filter(a -> !a.equals("--no-simulation")).toArray(String[]::new);
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putIfAbsent("BCC_SIM_DECLARATION_URL", stack.url("declaration-service"));
        environment.putIfAbsent("BCC_SIM_TARIFF_URL", stack.url("tariff-service"));
        environment.putIfAbsent("BCC_SIM_AUDIT_URL", stack.url("audit-service"));
        environment.putIfAbsent("BCC_SIM_KEYCLOAK_URL", stack.keycloak().baseUrl());
        environment.putIfAbsent("BCC_SIM_GRACE_SECONDS", String.valueOf(DEMO_GRACE_SECONDS));
        environment.putIfAbsent("BCC_SIM_OUTPUT", root.resolve("target/simulation").toString());
        try {
            Options options = Options.parse(simulation, environment);
            System.out.println("\nFeeding the system a simulated day (" + options.declarations() + " declarations in "
                    + options.dayMinutes() + " minutes; BCC_SIM_* or --name=value to change, see scripts/simulate.sh)");
            Simulator.Result result = new Simulator(options, environment, System.out).run();
            System.out.println(result.summary());
        } catch (RuntimeException e) {
            System.err.println("The simulated day failed: " + e.getMessage() + " (the system keeps running)");
        }
        System.out.println("The system keeps running. Ctrl-C stops everything.");
    }
}
