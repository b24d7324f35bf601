package iq.gov.bcc.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJvmTest {

    @TempDir
    Path installed;

    @Test
    void theNewestJdkOfAtLeastTheReleaseAskedForIsChosen() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15", "17.0.15+6-Debian-1deb12u1");
        jdk("temurin-25-jdk-amd64", "25.0.3", "25.0.3+9-LTS");
        jdk("temurin-26-jdk-amd64", "26", "26+35");
        jdk("temurin-21-jdk-amd64", "21.0.7", "21.0.7+6-LTS");

        ServiceJvm chosen = ServiceJvm.newestInstalled(installed, 25).orElseThrow();

        assertThat(chosen.feature()).isEqualTo(26);
        assertThat(chosen.runtimeVersion()).isEqualTo("26+35");
        assertThat(chosen.java()).isEqualTo(installed.resolve("temurin-26-jdk-amd64/bin/java").toRealPath().toString());
    }

    @Test
    void noJdkRecentEnoughMeansNone() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15", "17.0.15+6");

        assertThat(ServiceJvm.newestInstalled(installed, 25)).isEmpty();
        assertThat(ServiceJvm.newestInstalled(installed.resolve("no-such-directory"), 25)).isEmpty();
    }

    @Test
    void aDirectoryWithoutAJavaOrAReadableReleaseIsNoJdk() throws IOException {
        Path noJava = Files.createDirectories(installed.resolve("jre-without-bin"));
        Files.writeString(noJava.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        Path garbled = jdk("garbled", "twenty-five", "x");
        Files.writeString(jdk("no-version", "25", "25").resolve("release"), "IMPLEMENTOR=\"someone\"\n");

        assertThat(ServiceJvm.of(noJava)).isEmpty();
        assertThat(ServiceJvm.of(garbled)).isEmpty();
        assertThat(ServiceJvm.of(installed.resolve("no-version"))).isEmpty();
        assertThat(ServiceJvm.newestInstalled(installed, 17)).isEmpty();
    }

    /** Java 17 keeps a dynamic class-data archive; Java 25 an ahead-of-time cache, under another name. */
    @Test
    void eachJvmRecordsAndStartsFromItsOwnKindOfArchive() throws IOException {
        ServiceJvm java17 = ServiceJvm.of(jdk("java-17", "17.0.15", "17.0.15+6")).orElseThrow();
        ServiceJvm java25 = ServiceJvm.of(jdk("java-25", "25.0.3", "25.0.3+9-LTS")).orElseThrow();

        assertThat(java17.aheadOfTimeCache()).isFalse();
        assertThat(java17.archiveName()).startsWith(ClassDataArchive.PREFIX).endsWith(".jsa");
        assertThat(java17.recordingOptions("r")).startsWith("-XX:ArchiveClassesAtExit=r");
        assertThat(java17.usingOptions("a")).containsExactly("-XX:SharedArchiveFile=a");
        assertThat(java17.options()).isEmpty();

        assertThat(java25.aheadOfTimeCache()).isTrue();
        assertThat(java25.archiveName()).startsWith(ClassDataArchive.PREFIX).endsWith(".aot");
        assertThat(java25.recordingOptions("r")).startsWith("-XX:AOTCacheOutput=r");
        assertThat(java25.usingOptions("a")).containsExactly("-XX:AOTCache=a");
        assertThat(java25.options()).containsExactly("--sun-misc-unsafe-memory-access=allow");

        ServiceJvm patched = ServiceJvm.of(jdk("java-25-patched", "25.0.4", "25.0.4+7-LTS")).orElseThrow();
        assertThat(patched.archiveName()).isNotEqualTo(java25.archiveName());
    }

    /** A fake JDK: an executable bin/java and a release file as the JDK's own. */
    private Path jdk(String name, String version, String runtimeVersion) throws IOException {
        Path home = Files.createDirectories(installed.resolve(name).resolve("bin")).getParent();
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"" + runtimeVersion
                + "\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
