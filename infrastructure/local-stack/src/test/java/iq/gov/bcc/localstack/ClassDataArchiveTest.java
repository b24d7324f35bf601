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
import java.util.stream.Stream;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClassDataArchiveTest {

    private static final ServiceJvm JVM = ServiceJvm.running();

    @TempDir
    Path application;

    /** The JVM this test runs in (Java 17 here) and the one the stack would choose, when that is another. */
    static Stream<ServiceJvm> jvms() {
        return Stream.of(ServiceJvm.running(), ServiceJvm.chosen()).distinct();
    }

    /** A real JVM records on a clean exit, and the next start loads the application's class from the archive. */
    @ParameterizedTest
    @MethodSource("jvms")
    void aCleanRunRecordsTheArchiveTheNextStartLoadsFrom(ServiceJvm jvm) throws Exception {
        writeApplicationJar();

        ClassDataArchive first = ClassDataArchive.forApplication(application, jvm);
        assertThat(first.recording()).isTrue();
        assertThat(run(jvm, first.jvmOptions())).contains("probe ran");
        first.finish(true);
        assertThat(application.resolve(jvm.archiveName())).isRegularFile();
        assertThat(recordings()).isEmpty();

        ClassDataArchive second = ClassDataArchive.forApplication(application, jvm);
        assertThat(second.recording()).isFalse();
        List<String> options = new ArrayList<>(second.jvmOptions());
        // Makes an archive the JVM cannot use an error rather than a quiet slow start.
        options.add(jvm.aheadOfTimeCache() ? "-XX:AOTMode=on" : "-Xshare:on");
        options.add("-Xlog:class+load=info");
        assertThat(run(jvm, options)).contains("probe ran")
                .containsPattern("ArchiveProbe source: shared objects file");

        Process waiting = start(jvm, second.jvmOptions(), "wait");
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
        Path archive = Files.writeString(application.resolve(JVM.archiveName()), "made before the build");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));

        ClassDataArchive start = ClassDataArchive.forApplication(application, JVM);

        assertThat(start.recording()).isTrue();
        assertThat(start.jvmOptions()).isEqualTo(JVM.recordingOptions(recordingName(start)));
        assertThat(recordingName(start)).startsWith(JVM.archiveName() + ".recording-");
    }

    @Test
    void anotherJvmsArchiveIsNotThisOnes() throws Exception {
        writeApplicationJar();
        Files.writeString(application.resolve(ClassDataArchive.PREFIX + "0.jsa"), "made by another JVM");

        assertThat(ClassDataArchive.forApplication(application, JVM).recording()).isTrue();
    }

    @Test
    void aRecordingFromAKilledOrForcedStopIsThrownAway() throws Exception {
        writeApplicationJar();
        ClassDataArchive start = ClassDataArchive.forApplication(application, JVM);
        writeRecording(start);
        // What Java 25 writes at exit for the cache's assembly, left behind when the assembly is killed.
        Files.writeString(application.resolve(recordingName(start) + ".config"), "written at exit");

        start.finish(false);

        assertThrownAway();
        assertThat(ClassDataArchive.forApplication(application, JVM).recording()).isTrue();
    }

    /** A build that replaced the application while the recording ran: the recording is of the old classes. */
    @Test
    void aRecordingOfAnApplicationRebuiltMeanwhileIsThrownAway() throws Exception {
        writeApplicationJar();
        ClassDataArchive start = ClassDataArchive.forApplication(application, JVM);
        writeRecording(start);
        Files.setLastModifiedTime(application.resolve("quarkus-run.jar"), FileTime.from(Instant.now().plusSeconds(5)));

        start.finish(true);

        assertThrownAway();
    }

    @Test
    void aRecordingWhoseLauncherIsGoneIsRemovedAndOneInProgressIsKept() throws Exception {
        writeApplicationJar();
        Path abandoned = Files.writeString(application.resolve(JVM.archiveName() + ".recording-" + finishedPid() + "-1"), "x");
        Path inProgress = Files.writeString(application.resolve(JVM.archiveName() + ".recording-"
                + ProcessHandle.current().pid() + "-1"), "x");

        ClassDataArchive.forApplication(application, JVM);

        assertThat(abandoned).doesNotExist();
        assertThat(inProgress).exists();
    }

    private void assertThrownAway() throws IOException {
        assertThat(recordings()).isEmpty();
        assertThat(application.resolve(JVM.archiveName())).doesNotExist();
    }

    private void writeRecording(ClassDataArchive start) throws IOException {
        Files.writeString(application.resolve(recordingName(start)), "written at exit");
    }

    /** The file a recording run writes, from the option that names it. */
    private static String recordingName(ClassDataArchive start) {
        String option = start.jvmOptions().get(0);
        return option.substring(option.indexOf('=') + 1);
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

    private Process start(ServiceJvm jvm, List<String> options, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(jvm.java()));
        command.addAll(options);
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(application.toFile()).redirectErrorStream(true).start();
    }

    private String run(ServiceJvm jvm, List<String> options) throws Exception {
        Process process = start(jvm, options);
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
