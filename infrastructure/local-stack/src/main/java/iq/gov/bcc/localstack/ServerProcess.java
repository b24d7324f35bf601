package iq.gov.bcc.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server process this JVM started. It runs in its own session, so a Ctrl-C meant for the launcher
 * does not reach it half-way; the launcher stops it by pid. A watchdog, also in its own session,
 * stops it when the launching JVM disappears without cleaning up (a test JVM killed by SIGKILL).
 */
public final class ServerProcess {

    private final String name;
    private final long pid;
    private final boolean ownsProcessGroup;
    private final String stopSignal;
    private final Path log;
    private final Process process;
    private final Process watchdog;

    private ServerProcess(String name, long pid, Process process, boolean ownsProcessGroup, String stopSignal, Path log) {
        this.name = name;
        this.pid = pid;
        this.process = process;
        this.ownsProcessGroup = ownsProcessGroup;
        this.stopSignal = stopSignal;
        this.log = log;
        this.watchdog = startWatchdog();
    }

    /** Starts {@code command} as the leader of a new session, its output appended to {@code log}. */
    static ServerProcess launch(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path log) {
        List<String> full = new ArrayList<>();
        full.add("setsid");
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            // setsid execs in the child itself (not a group leader), so the JVM's Process is the server's.
            Process process = builder.start();
            return new ServerProcess(name, process.pid(), process, true, "TERM", log);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Takes charge of a process that daemonized itself (the PostgreSQL postmaster). */
    static ServerProcess adopt(String name, long pid, String stopSignal, Path log) {
        return new ServerProcess(name, pid, null, false, stopSignal, log);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return pid;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Sends the stop signal, waits up to {@code grace}, then kills what is left.
     *
     * @return whether it stopped cleanly: on the signal, within the grace, and (for a process this JVM
     *         launched) with exit status 0 or that of the signal; false if it was already gone or had to be killed
     */
    public boolean stop(Duration grace) {
        watchdog.destroy();
        if (!isAlive()) {
            return false;
        }
        signal(stopSignal);
        long deadline = System.nanoTime() + grace.toNanos();
        while (isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
        if (isAlive()) {
            signal("KILL");
            while (isAlive()) {
                sleep(50);
            }
            return false;
        }
        return process == null || exitedOnTheStopSignal();
    }

    private boolean exitedOnTheStopSignal() {
        try {
            int status = process.waitFor();
            return status == 0 || ("TERM".equals(stopSignal) && status == 128 + 15);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL, no grace: for tests that simulate a crash. */
    public void kill() {
        watchdog.destroy();
        signal("KILL");
        while (isAlive()) {
            sleep(50);
        }
    }

    private void signal(String signal) {
        String target = ownsProcessGroup ? "-" + pid : Long.toString(pid);
        run(List.of("/bin/kill", "-" + signal, "--", target));
    }

    /** The shell's builtin kill (dash) cannot signal a process group, so the watchdog uses /bin/kill. */
    private Process startWatchdog() {
        long launcher = ProcessHandle.current().pid();
        String target = ownsProcessGroup ? "-" + pid : Long.toString(pid);
        String script = "while kill -0 " + launcher + " 2>/dev/null; do kill -0 " + pid
                + " 2>/dev/null || exit 0; sleep 1; done; "
                + "/bin/kill -" + stopSignal + " -- " + target + " 2>/dev/null; i=0; "
                + "while kill -0 " + pid + " 2>/dev/null && [ $i -lt 30 ]; do sleep 1; i=$((i+1)); done; "
                + "/bin/kill -KILL -- " + target + " 2>/dev/null; exit 0";
        try {
            return new ProcessBuilder("setsid", "sh", "-c", script)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the watchdog for " + name, e);
        }
    }

    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0 && !command.get(0).equals("/bin/kill")) {
                throw new IllegalStateException("failed (" + process.exitValue() + "): "
                        + String.join(" ", command) + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
