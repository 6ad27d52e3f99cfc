package io.tokenbench.mock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a buffer leak: after the class, collects garbage and
 * allocates tracked buffers (the detector reports on allocation), then asserts zero reports.
 */
public final class NoLeaks implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        assertThat(LeakCounter.installed())
                .as("leak counter installed by InstallLeakCounter")
                .isTrue();
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(20);
            for (int i = 0; i < 100; i++) {
                ByteBuf pooled = PooledByteBufAllocator.DEFAULT.buffer(16);
                pooled.release();
                ByteBuf unpooled = UnpooledByteBufAllocator.DEFAULT.buffer(16);
                unpooled.release();
            }
        }
        assertThat(LeakCounter.leaks()).as("Netty leak reports").isEmpty();
    }
}
