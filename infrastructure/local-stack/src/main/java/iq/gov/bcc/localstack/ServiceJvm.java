package iq.gov.bcc.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JVM the local stack runs the services on, and how that JVM keeps a service's trained start
 * ({@link ClassDataArchive}). The services are built for Java 17 and run on any later JVM. From Java 25 a
 * recorded run becomes an ahead-of-time cache (JEP 483, 514): classes loaded and linked, not only parsed, and
 * the run's method profiles. The declaration service started in 2.1-2.7 s from it against 2.9-3.5 s from
 * Java 17's archive, the same hour (docs/benchmarks.md, start-up).
 *
 * <p>Chosen as: {@code BCC_SERVICE_JAVA_HOME} when set; otherwise the newest JDK of at least Java 25 in
 * {@code /usr/lib/jvm}, where Debian and the Temurin packages install them; otherwise the JVM running the
 * stack.
 *
 * @param home the JDK's directory
 * @param runtimeVersion its full version, as its {@code release} file or the running JVM gives it
 * @param feature its feature release (17, 25)
 */
record ServiceJvm(Path home, String runtimeVersion, int feature) {

    /** The first release whose archive is an ahead-of-time cache made from one training run (JEP 514). */
    static final int AHEAD_OF_TIME_CACHE = 25;
    private static final Path INSTALLED = Path.of("/usr/lib/jvm");

    static ServiceJvm chosen() {
        String configured = System.getenv("BCC_SERVICE_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured.trim());
            return of(home).orElseThrow(() -> new IllegalStateException("BCC_SERVICE_JAVA_HOME=" + configured
                    + " is not a JDK: it needs bin/java and a release file naming JAVA_VERSION"));
        }
        return newestInstalled(INSTALLED, AHEAD_OF_TIME_CACHE).orElseGet(ServiceJvm::running);
    }

    /** The JVM this code runs in. */
    static ServiceJvm running() {
        return new ServiceJvm(Path.of(System.getProperty("java.home")), System.getProperty("java.vm.version"),
                Runtime.version().feature());
    }

    /** The newest JDK in {@code directory} of at least release {@code minimum}, if any. */
    static Optional<ServiceJvm> newestInstalled(Path directory, int minimum) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(directory)) {
            return homes.sorted().map(ServiceJvm::of).flatMap(Optional::stream).filter(j -> j.feature() >= minimum)
                    .max(Comparator.comparingInt(ServiceJvm::feature));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The JDK at {@code home}, read from its {@code release} file, if it is one. */
    static Optional<ServiceJvm> of(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(release);
            Optional<String> version = value(lines, "JAVA_VERSION");
            if (version.isEmpty() || !version.get().matches("\\d+(\\D.*)?")) {
                return Optional.empty();
            }
            int feature = Integer.parseInt(version.get().split("\\D", 2)[0]);
            String runtime = value(lines, "JAVA_RUNTIME_VERSION").orElse(version.get());
            return Optional.of(new ServiceJvm(home.toRealPath(), runtime, feature));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> value(List<String> release, String key) {
        return release.stream().filter(l -> l.startsWith(key + "="))
                .map(l -> l.substring(key.length() + 1).trim().replace("\"", "")).findFirst();
    }

    String java() {
        return home.resolve("bin/java").toString();
    }

    boolean aheadOfTimeCache() {
        return feature >= AHEAD_OF_TIME_CACHE;
    }

    /**
     * Options every service start on this JVM gets. Netty 4.1 allocates memory through sun.misc.Unsafe;
     * from Java 24 that prints a deprecation warning on every start unless allowed.
     */
    List<String> options() {
        return feature >= 24 ? List.of("--sun-misc-unsafe-memory-access=allow") : List.of();
    }

    /** The archive's file name: it loads only in the JVM that made it, so the name carries the JVM. */
    String archiveName() {
        String jvm = home + "|" + runtimeVersion;
        return ClassDataArchive.PREFIX + Integer.toHexString(jvm.hashCode()) + (aheadOfTimeCache() ? ".aot" : ".jsa");
    }

    /**
     * Options for a run that records its archive into {@code file} when it exits. The thousands of warnings
     * about classes an archive leaves out (proxies, JFR events, classes that fail verification) are kept out
     * of the service's log.
     */
    List<String> recordingOptions(String file) {
        return aheadOfTimeCache()
                ? List.of("-XX:AOTCacheOutput=" + file, "-Xlog:aot=off", "-Xlog:cds=off")
                : List.of("-XX:ArchiveClassesAtExit=" + file, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** Options for a run that starts from the archive {@code file}. */
    List<String> usingOptions(String file) {
        return aheadOfTimeCache() ? List.of("-XX:AOTCache=" + file) : List.of("-XX:SharedArchiveFile=" + file);
    }

    /** What a person reading the stack's summary or a benchmark needs to know. */
    String describe() {
        return "Java " + runtimeVersion + " (" + home + "), " + (aheadOfTimeCache() ? "ahead-of-time cache" : "class-data archive");
    }
}
