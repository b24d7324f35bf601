package iq.gov.bcc.localstack;

/** The main class of the application {@link ClassDataArchiveTest} builds: one class, loaded from its jar. */
public final class ArchiveProbe {

    private ArchiveProbe() {
    }

    public static void main(String[] args) {
        System.out.println("probe ran");
    }
}
