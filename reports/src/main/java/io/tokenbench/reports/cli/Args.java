package io.tokenbench.reports.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict parsing of {@code positional... --option value... --multi v1 v2...}: unknown options,
 * missing values and repeated single options are errors naming the option.
 */
final class Args {

    final List<String> positional = new ArrayList<>();
    final Map<String, List<String>> options = new LinkedHashMap<>();
    boolean help;

    /**
     * @param single options taking one value
     * @param multi options taking one or more values (until the next option)
     */
    static Args parse(String[] args, Set<String> single, Set<String> multi) {
        Args a = new Args();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                a.help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                a.positional.add(arg);
                continue;
            }
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (single.contains(name)) {
                if (a.options.containsKey(name)) {
                    throw new UsageException("option " + name + " given twice");
                }
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    value = args[++i];
                }
                a.options.put(name, List.of(value));
            } else if (multi.contains(name)) {
                List<String> values = a.options.computeIfAbsent(name, k -> new ArrayList<>());
                if (inline != null) {
                    values.add(inline);
                }
                while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    values.add(args[++i]);
                }
                if (values.isEmpty()) {
                    throw new UsageException("option " + name + " needs at least one value");
                }
            } else {
                throw new UsageException("unknown option " + name);
            }
        }
        return a;
    }

    String one(String name, String fallback) {
        List<String> v = options.get(name);
        return v == null ? fallback : v.get(0);
    }

    List<String> many(String name) {
        return options.getOrDefault(name, List.of());
    }
}
