package org.scalemodel.cli;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: this bundle's version, the framework's and the JVM's. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Bundle self = FrameworkUtil.getBundle(VersionProvider.class);
        String version = self == null ? "unknown" : self.getVersion().toString();
        String framework = self == null ? "unknown"
                : self.getBundleContext().getBundle(0).getSymbolicName() + " "
                        + self.getBundleContext().getBundle(0).getVersion();
        return new String[] {"scalemodel " + version,
            "framework " + framework + ", Java " + System.getProperty("java.version")};
    }
}
