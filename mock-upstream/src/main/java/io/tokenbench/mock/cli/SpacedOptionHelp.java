package io.tokenbench.mock.cli;

import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help that shows options as {@code --ttft DIST}, as the mock's README and its earlier help did,
 * while the parser keeps {@code =} as its separator so that {@code --ttft=50ms} still parses
 * (picocli uses one separator for both).
 */
final class SpacedOptionHelp extends Help {

    SpacedOptionHelp(CommandSpec spec, ColorScheme colors) {
        super(spec, colors);
    }

    @Override
    public IParamLabelRenderer parameterLabelRenderer() {
        IParamLabelRenderer parsed = super.parameterLabelRenderer();
        String separator = parsed.separator();
        return new IParamLabelRenderer() {
            @Override
            public Ansi.Text renderParameterLabel(
                    ArgSpec arg, Ansi ansi, List<Ansi.IStyle> styles) {
                Ansi.Text label = parsed.renderParameterLabel(arg, ansi, styles);
                return label.plainString().startsWith(separator)
                        ? ansi.new Text(" ").concat(label.substring(separator.length()))
                        : label;
            }

            @Override
            public String separator() {
                return " ";
            }
        };
    }
}
