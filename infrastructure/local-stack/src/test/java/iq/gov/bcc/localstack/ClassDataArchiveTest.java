package iq.gov.bcc.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @TempDir
    Path application;

    /** A real JVM records on a clean exit, and the next start maps the application's class from the archive. */
    @Test
    void aCleanRunRecordsTheArchiveTheNextStartLoadsFrom() throws Exception {
        writeApplicationJar();

        ClassDataArchive first = ClassDataArchive.forApplication(application);
        assertThat(first.recording()).isTrue();
        assertThat(run(first.jvmOptions())).contains("probe ran");
        first.finish(true);
        assertThat(application.resolve(ClassDataArchive.fileName())).isRegularFile();
        assertThat(recordings()).isEmpty();

        ClassDataArchive second = ClassDataArchive.forApplication(application);
        assertThat(second.recording()).isFalse();
        List<String> options = new ArrayList<>(second.jvmOptions());
        // -Xshare:on makes an archive the JVM cannot use an error rather than a quiet slow start.
        options.addAll(List.of("-Xshare:on", "-Xlog:class+load=info"));
        assertThat(run(options)).contains("probe ran")
                .containsPattern("ArchiveProbe source: shared objects file \\(top\\)");

        Process waiting = start(second.jvmOptions(), "wait");
        try {
            assertThat(new String(waiting.getInputStream().readNBytes("probe ran".length()))).isEqualTo("probe ran");
            assertThat(second.mappedBy(waiting.pid())).isTrue();
        } finally {
            waiting.getOutputStream().close();
            assertThat(waiting.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void anArchiveOlderThanTheApplicationIsRecordedAgain() throws Exception {
        writeApplicationJar();
        Path archive = Files.writeString(application.resolve(ClassDataArchive.fileName()), "made before the build");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));

        ClassDataArchive start = ClassDataArchive.forApplication(application);

        assertThat(start.recording()).isTrue();
        assertThat(start.jvmOptions())
                .anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit=" + ClassDataArchive.fileName() + ".recording-"));
    }

    @Test
    void anotherJvmsArchiveIsNotThisOnes() throws Exception {
        writeApplicationJar();
        Files.writeString(application.resolve(ClassDataArchive.PREFIX + "0.jsa"), "made by another JVM");

        assertThat(ClassDataArchive.forApplication(application).recording()).isTrue();
    }

    @Test
    void aRecordingFromAKilledOrForcedStopIsThrownAway() throws Exception {
        writeApplicationJar();
        ClassDataArchive start = ClassDataArchive.forApplication(application);
        writeRecording(start);

        start.finish(false);

        assertThrownAway();
        assertThat(ClassDataArchive.forApplication(application).recording()).isTrue();
    }

    /** A build that replaced the application while the recording ran: the recording is of the old classes. */
    @Test
    void aRecordingOfAnApplicationRebuiltMeanwhileIsThrownAway() throws Exception {
        writeApplicationJar();
        ClassDataArchive start = ClassDataArchive.forApplication(application);
        writeRecording(start);
        Files.setLastModifiedTime(application.resolve("quarkus-run.jar"), FileTime.from(Instant.now().plusSeconds(5)));

        start.finish(true);

        assertThrownAway();
    }

    @Test
    void aRecordingWhoseLauncherIsGoneIsRemovedAndOneInProgressIsKept() throws Exception {
        writeApplicationJar();
        Path abandoned = Files.writeString(application.resolve(ClassDataArchive.fileName() + ".recording-" + finishedPid() + "-1"), "x");
        Path inProgress = Files.writeString(application.resolve(ClassDataArchive.fileName() + ".recording-"
                + ProcessHandle.current().pid() + "-1"), "x");

        ClassDataArchive.forApplication(application);

        assertThat(abandoned).doesNotExist();
        assertThat(inProgress).exists();
    }

    private void assertThrownAway() throws IOException {
        assertThat(recordings()).isEmpty();
        assertThat(application.resolve(ClassDataArchive.fileName())).doesNotExist();
    }

    private void writeRecording(ClassDataArchive start) throws IOException {
        String option = start.jvmOptions().get(0);
        Files.writeString(application.resolve(option.substring(option.indexOf('=') + 1)), "written at exit");
    }

    private static long finishedPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    /** quarkus-run.jar holding one class, ArchiveProbe, as its main class. */
    private void writeApplicationJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ArchiveProbe.class.getName());
        String entry = ArchiveProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(application.resolve("quarkus-run.jar"));
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.putNextEntry(new JarEntry(entry));
            try (var bytes = ArchiveProbe.class.getClassLoader().getResourceAsStream(entry)) {
                bytes.transferTo(jar);
            }
            jar.closeEntry();
        }
        // The archive must be newer than the jar; file times may be coarse.
        Files.setLastModifiedTime(application.resolve("quarkus-run.jar"), FileTime.from(Instant.now().minusSeconds(5)));
    }

    private Process start(List<String> options, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(KafkaBroker.java()));
        command.addAll(options);
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(application.toFile()).redirectErrorStream(true).start();
    }

    private String run(List<String> options) throws Exception {
        Process process = start(options);
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private List<Path> recordings() throws IOException {
        try (var files = Files.list(application)) {
            return files.filter(f -> f.getFileName().toString().contains(".recording-")).toList();
        }
    }
}
