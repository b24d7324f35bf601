package iq.gov.bcc.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Where the local servers keep their files. Throwaway data lives under the system temp directory
 * (reachable by the postgres OS user); the unpacked Keycloak distribution is cached across runs.
 */
final class Workspace {

    private Workspace() {
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static Path newDirectory(String purpose) {
        try {
            Path directory = Files.createTempDirectory("bcc-" + purpose + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            if (runningAsRoot() && purpose.equals("postgres")) {
                ServerProcess.run(List.of("chown", "postgres:postgres", directory.toString()));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path cacheDirectory() {
        String configured = System.getenv("BCC_CACHE_DIR");
        Path base = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "bcc-local-stack");
        try {
            return Files.createDirectories(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Leftovers in the temp directory are harmless; a failed cleanup must not fail a run.
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
