package headwater.app.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code headwater --version}: the Implementation-Version of the jar's manifest ({@code dev} when run from classes). */
public final class ManifestVersion implements IVersionProvider {

    public static String version() {
        String version = ManifestVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "headwater " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
