package io.tokenbench.simulations.config;

import java.net.URI;

/** Endpoint URLs under a base URL given with or without {@code /v1} (both conventions are common). */
public final class Endpoints {
  private Endpoints() {}

  public static URI chatCompletions(URI base) {
    String s = base.toString().replaceAll("/+$", "");
    return URI.create(s.endsWith("/v1") ? s + "/chat/completions" : s + "/v1/chat/completions");
  }
}
