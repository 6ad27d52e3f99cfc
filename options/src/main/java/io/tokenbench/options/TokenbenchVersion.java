package io.tokenbench.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** {@code --version} of every command: the project version the build wrote into this module. */
public final class TokenbenchVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"tokenbench " + version()};
    }

    /** The project version, such as {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = TokenbenchVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException(
                        "version.properties is missing from the options jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
