package io.tokenbench.benchmarks.e2e;

/** Fails the invocation when an answer has the wrong number of tokens. */
@FunctionalInterface
interface TokenCheck {
    void verify(long tokens);
}
