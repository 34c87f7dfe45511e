package org.dang.engine.config;

import java.math.BigDecimal;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a resolved YAML scalar into a typed {@link YamlNode}. It reuses snakeyaml's safe constructors
 * so that every YAML 1.1 spelling (0x1F, 1_000, .inf, yes/no, ...) means what YAML says it means.
 */
final class YamlScalarDecoder extends SafeConstructor {

    YamlScalarDecoder(LoaderOptions options) {
        super(options);
    }

    /** The typed node of a scalar that starts on {@code line}. */
    YamlNode decode(ScalarNode node, int line) {
        Tag tag = node.getTag();
        String text = node.getValue();
        try {
            if (Tag.NULL.equals(tag)) {
                return new YamlNode.Null(text, line);
            }
            if (Tag.BOOL.equals(tag)) {
                return new YamlNode.Bool((Boolean) constructObject(node), text, line);
            }
            if (Tag.INT.equals(tag)) {
                return new YamlNode.Numeric(new BigDecimal(constructObject(node).toString()), true, text, line);
            }
            if (Tag.FLOAT.equals(tag)) {
                double value = ((Number) constructObject(node)).doubleValue();
                return new YamlNode.Numeric(Double.isFinite(value) ? BigDecimal.valueOf(value) : null, false, text,
                        line);
            }
        } catch (RuntimeException e) {
            // An explicit tag on a value that does not fit it (e.g. "!!int abc"): keep it as text, so
            // the binder reports it as a wrong type instead of the whole file failing.
            return new YamlNode.Text(text, line);
        }
        // Strings, timestamps and custom tags are all just text to the configuration.
        return new YamlNode.Text(text, line);
    }
}
