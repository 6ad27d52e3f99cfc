package io.tokenbench.mock.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code --exit-with-parent}: runs an action once the process that started this one is gone,
 * however it went (a SIGKILL leaves no shutdown hook to stop us). Two signals, whichever comes
 * first: standard input reaching end of file (the parent held the pipe's other end; the kernel
 * closes it when the parent dies) and {@link ProcessHandle#onExit()} of the parent.
 */
final class ParentWatch {
    private ParentWatch() {}

    static void start(Runnable onParentGone) {
        start(System.in, ProcessHandle.current().parent().orElse(null), onParentGone);
    }

    /** As above with the input and parent given (tests); {@code parent} may be null. */
    static void start(InputStream stdin, ProcessHandle parent, Runnable onParentGone) {
        AtomicBoolean fired = new AtomicBoolean();
        Runnable once =
                () -> {
                    if (fired.compareAndSet(false, true)) {
                        onParentGone.run();
                    }
                };
        Thread reader =
                new Thread(
                        () -> {
                            byte[] sink = new byte[256];
                            try {
                                while (stdin.read(sink) >= 0) {
                                    // the parent writes nothing; anything read is ignored
                                }
                            } catch (IOException e) {
                                // a broken pipe is the same news as end of file
                            }
                            once.run();
                        },
                        "mock-parent-watch");
        reader.setDaemon(true);
        reader.start();
        if (parent != null) {
            parent.onExit().thenRun(once);
        }
    }
}
