package io.tokenbench.simulations.keys.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/**
 * Names the real cause of a failed HTTP exchange for a "could not run" message (the JDK's
 * exceptions often carry no message at all: a refused connection is a {@link ConnectException}
 * whose message is null).
 */
public final class Failures {
    private Failures() {}

    /** For example "connection refused by 127.0.0.1:9 (GET /v1/models)". */
    public static String describe(URI uri, String what, IOException e) {
        String where = uri.getHost() + ":" + port(uri) + " (" + what + ")";
        if (e instanceof HttpConnectTimeoutException) {
            return "connection to " + where + " timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer from " + where + " within the request timeout";
        }
        if (hasCause(e, SSLException.class)) {
            return "TLS handshake with "
                    + where
                    + " failed: "
                    + message(firstCause(e, SSLException.class));
        }
        if (hasCause(e, UnknownHostException.class)) {
            return "unknown host " + uri.getHost() + " (" + what + ")";
        }
        if (hasCause(e, ConnectException.class)) {
            return "connection refused by " + where;
        }
        return e.getClass().getSimpleName() + " from " + where + ": " + message(e);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        return firstCause(t, type) != null;
    }

    private static Throwable firstCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
