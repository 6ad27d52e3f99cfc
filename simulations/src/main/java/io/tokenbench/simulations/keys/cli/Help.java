package io.tokenbench.simulations.keys.cli;

/** The text of {@code keys verify --help}. */
final class Help {
    private Help() {}

    static final String TEXT =
            """
      usage: ./tokenbench keys verify [options]

      Verifies PowerTokens key-limit enforcement: overshoot per concurrency, leaks, false rejections,
      resets, expiry, accounting, refunds, cancel billing, the error contract. Writes
      runs/<UTC>-keys-verify/{run.json,enforcement.json,enforcement.md,report.html}.
      Exit: 0 no check failed, 1 a check failed, 2 could not run (bad option, unreachable target).

      target (default: the mock, started in-process):
        --url URL                 a running mock (with --admin-token-env) or a live gateway (with --key-env)
        --admin-token-env NAME    the mock's admin token is in environment variable NAME
        --mock-option NAME=VALUE  an enforcement switch for the mock (PUT /admin/enforcement), repeatable,
                                  e.g. concurrency=atomic, stale_cache_ms=60000, trust_bypass=0
      live gateway (keys you made; never on the command line):
        --key-env NAME            a key with the limit below, one per matrix cell, repeatable
        --limit-credits X         the keys' Credit limit per period (required)
        --reset TYPE              none|daily|weekly|monthly: the keys' reset type (default none)
        --unlimited-key-env NAME  an unlimited key (false rejections, cancel billing)
        --wait-for-reset          wait for the next real reset boundary (up to a month for monthly)
        --model ID                default: the cheapest chat model of /v1/models that is billed at all
      requests:
        --model ID                default MiniMax-M3 on the mock
        --price-in X --price-out X  Credits per 1M tokens (default: /v1/models/ID pricing)
        --prompt TEXT             default "Reply with one word."
        --max-tokens N            max_tokens of the "with max_tokens" cells (mock 200, live 16)
        --output-tokens N         mock only: output tokens per answer (default 200)
        --concurrency LIST        default 1,4,16,64
        --limit-requests N        mock keys' limit in requests (default 8)
        --leak-probes N           requests sent to an exhausted key (default 3)
        --settle-timeout D        how long the ledger may lag (default 5s; 500ms, 5s, 2m)
        --request-timeout D       per request (default 60s)
      expectations:
        --error-style S           newapi (default) | openai | openrouter | litellm
        --cancel-billing B        tokens_emitted (default) | zero | input_only | full
      output:
        --runs DIR                default runs
      """;
}
