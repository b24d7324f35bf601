package iq.gov.bcc.localstack;

import java.io.IOException;

/**
 * The main class of the application {@link ClassDataArchiveTest} builds: one class, loaded from its jar.
 * With the argument "wait" it runs until its standard input closes.
 */
public final class ArchiveProbe {

    private ArchiveProbe() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println("probe ran");
        System.out.flush();
        if (args.length > 0 && args[0].equals("wait")) {
            System.in.readAllBytes();
        }
    }
}
