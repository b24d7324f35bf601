package iq.gov.bcc.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * A service's class-data archive, trained on one of its own real runs. A start with no current archive
 * records one: the JVM writes every class the run loaded when it exits (-XX:ArchiveClassesAtExit), and a
 * clean stop keeps it. Later starts map those classes pre-parsed (-XX:SharedArchiveFile). An archive
 * made while the service really started (database, Kafka, OIDC, the first requests) covers the classes
 * a start needs; the build-time archive Quarkus can make stops at static init and covered less than
 * half of them. An archive older than any file of the application is recorded again: the JVM would
 * refuse it for its changed class path anyway. A JVM other than the one that wrote it also refuses it,
 * with a warning in the service's log: delete the archive and the next start records one for that JVM.
 *
 * <p>The archive records the class path as given, {@code quarkus-run.jar}, so the service must start
 * in its application directory.
 */
final class ClassDataArchive {

    static final String FILE = "trained-cds.jsa";
    private static final String RECORDING = ".recording-";

    private final Path archive;
    private final Path recording;

    private ClassDataArchive(Path archive, Path recording) {
        this.archive = archive;
        this.recording = recording;
    }

    /** Uses the application directory's archive if it is current, else records a new one on this run. */
    static ClassDataArchive forApplication(Path application) {
        removeAbandonedRecordings(application);
        Path archive = application.resolve(FILE);
        if (Files.isRegularFile(archive) && !olderThanApplication(archive, application)) {
            return new ClassDataArchive(archive, null);
        }
        // Each run records to a name of its own, so two stacks starting the same service never write one file.
        Path recording = application.resolve(FILE + RECORDING + ProcessHandle.current().pid() + "-" + System.nanoTime());
        return new ClassDataArchive(archive, recording);
    }

    /**
     * The JVM options for this start. A recording run's thousands of warnings about the classes it leaves
     * out are kept out of the service's log; a refused archive still says why there.
     */
    List<String> jvmOptions() {
        return recording == null
                ? List.of("-XX:SharedArchiveFile=" + archive.getFileName())
                : List.of("-XX:ArchiveClassesAtExit=" + recording.getFileName(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    boolean recording() {
        return recording != null;
    }

    /**
     * After the service has exited: a recording from a clean stop becomes the archive; anything else
     * (a crash, a kill, a stop that had to be forced) is thrown away, since it may be incomplete.
     */
    void finish(boolean exitedCleanly) {
        if (recording == null) {
            return;
        }
        try {
            if (exitedCleanly && Files.isRegularFile(recording)) {
                Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recording);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the class-data archive " + recording, e);
        }
    }

    /** Recordings whose launcher is gone (it died before it could keep or discard them): tens of MB each. */
    private static void removeAbandonedRecordings(Path application) {
        String prefix = FILE + RECORDING;
        try (Stream<Path> files = Files.list(application)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                String launcher = file.getFileName().toString().substring(prefix.length()).split("-")[0];
                if (!launcher.matches("\\d+") || ProcessHandle.of(Long.parseLong(launcher)).isEmpty()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean olderThanApplication(Path archive, Path application) {
        try (Stream<Path> files = Files.walk(application)) {
            FileTime made = Files.getLastModifiedTime(archive);
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(FILE) && !f.toString().endsWith(".jsa"))
                    .anyMatch(f -> lastModified(f).compareTo(made) > 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
