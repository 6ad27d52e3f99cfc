package io.tokenbench.mock.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Installs {@link LeakCounter} when the test run starts, before any test class touches Netty. */
public final class InstallLeakCounter implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        LeakCounter.install();
    }
}
