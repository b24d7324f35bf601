package iq.gov.bcc.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A service's class-data archive, trained on one of its own real runs. A start with no current archive
 * records one when it exits, and a clean stop keeps it; later starts begin from it. On Java 17 the JVM
 * writes every class the run loaded (-XX:ArchiveClassesAtExit) and later starts map them pre-parsed
 * (-XX:SharedArchiveFile); from Java 25 it writes an ahead-of-time cache of those classes loaded and linked
 * (-XX:AOTCacheOutput, then -XX:AOTCache). {@link ServiceJvm} says which. An archive made while the service
 * really started (database, Kafka, OIDC, the first requests) covers the classes a start needs; the
 * build-time archive Quarkus can make stops at static init and covered less than half of them.
 *
 * <p>The JVM refuses an archive made by another JVM or for another class path, without a word at the
 * default log level, so a refused archive would stay refused. Hence: the archive's name carries the JVM
 * that made it, an archive older than any file of the application is recorded again, and a recording is
 * kept only if the application did not change while it ran. The archive records the class path as given,
 * {@code quarkus-run.jar}, so the service must start in its application directory.
 *
 * <p>The archive only makes starts faster: if anything about it fails, the service starts without one.
 */
final class ClassDataArchive {

    static final String PREFIX = "trained-cds-";
    private static final String RECORDING = ".recording-";

    private final ServiceJvm jvm;
    private final Path application;
    private final Path archive;
    private final Path recording;
    private final FileTime recordingFrom;

    private ClassDataArchive(ServiceJvm jvm, Path application, Path archive, Path recording, FileTime recordingFrom) {
        this.jvm = jvm;
        this.application = application;
        this.archive = archive;
        this.recording = recording;
        this.recordingFrom = recordingFrom;
    }

    /**
     * Uses the application directory's archive for {@code jvm} if it is current, else records a new one on
     * this run; no archive at all if the directory cannot be read.
     */
    static ClassDataArchive forApplication(Path application, ServiceJvm jvm) {
        Path archive = application.resolve(jvm.archiveName());
        try {
            removeAbandonedRecordings(application);
            if (Files.isRegularFile(archive) && !changedSince(application, Files.getLastModifiedTime(archive))) {
                return new ClassDataArchive(jvm, application, archive, null, null);
            }
            // Each run records to a name of its own, so two stacks starting the same service never write one file.
            Path recording = application.resolve(archive.getFileName() + RECORDING + ProcessHandle.current().pid()
                    + "-" + Math.abs(System.nanoTime()));
            return new ClassDataArchive(jvm, application, archive, recording, FileTime.from(Instant.now()));
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Starting without a class-data archive: " + e.getMessage());
            return new ClassDataArchive(jvm, application, null, null, null);
        }
    }

    /** The JVM options for this start. */
    List<String> jvmOptions() {
        if (recording != null) {
            return jvm.recordingOptions(recording.getFileName().toString());
        }
        return archive == null ? List.of() : jvm.usingOptions(archive.getFileName().toString());
    }

    boolean recording() {
        return recording != null;
    }

    /** Whether a running JVM has the archive mapped (it may have refused it); false while recording. */
    boolean mappedBy(long pid) {
        if (recording != null || archive == null) {
            return false;
        }
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "maps")).contains("/" + archive.getFileName());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * After the service has exited: a recording from a clean stop becomes the archive, unless the
     * application was rebuilt while it ran; anything else (a crash, a kill, a forced stop, a failed
     * exit) is thrown away, since it may be incomplete or made for other classes.
     */
    void finish(boolean exitedCleanly) {
        if (recording == null) {
            return;
        }
        try {
            if (exitedCleanly && Files.isRegularFile(recording) && !changedSince(application, recordingFrom)) {
                Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recording);
            }
            // Java 25 writes what the run loaded here at exit, for the cache's assembly; left behind by a kill.
            Files.deleteIfExists(recording.resolveSibling(recording.getFileName() + ".config"));
        } catch (IOException | UncheckedIOException e) {
            System.err.println("The class-data archive " + recording + " was not kept: " + e.getMessage());
        }
    }

    /** Recordings whose launcher is gone (it died before it could keep or discard them): tens of MB each. */
    private static void removeAbandonedRecordings(Path application) throws IOException {
        try (Stream<Path> files = Files.list(application)) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains(RECORDING)).toList()) {
                String name = file.getFileName().toString();
                String launcher = name.substring(name.indexOf(RECORDING) + RECORDING.length()).split("-")[0];
                if (!launcher.matches("\\d{1,18}") || ProcessHandle.of(Long.parseLong(launcher)).isEmpty()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Whether any file of the application (archives aside) is newer than {@code time}. */
    private static boolean changedSince(Path application, FileTime time) throws IOException {
        try (Stream<Path> files = Files.walk(application)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(PREFIX))
                    .anyMatch(f -> {
                        try {
                            return Files.isRegularFile(f) && Files.getLastModifiedTime(f).compareTo(time) > 0;
                        } catch (IOException e) {
                            // Deleted while we looked: a build is replacing the application.
                            return true;
                        }
                    });
        }
    }
}
