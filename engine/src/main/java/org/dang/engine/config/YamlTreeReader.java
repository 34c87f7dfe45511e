package org.dang.engine.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads YAML text into a {@link YamlNode} tree; malformed YAML becomes a {@link ConfigException}. */
final class YamlTreeReader {

    private final String source;
    private final YamlScalarDecoder scalars;
    // An alias is the same snakeyaml node as its anchor; converting each node once keeps "billion
    // laughs" documents from expanding, and the binder only walks the known keys.
    private final Map<Node, YamlNode> converted = new IdentityHashMap<>();
    // Nodes being converted right now: meeting one again means an alias inside its own anchor.
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlTreeReader(String source, LoaderOptions options) {
        this.source = source;
        this.scalars = new YamlScalarDecoder(options);
    }

    /** The document's root, or empty when the text holds no document (empty, or only comments). */
    static Optional<YamlNode> read(String text, String source) {
        // snakeyaml's defaults bound nesting depth, alias count and document size, which is what an
        // untrusted file needs; compose() also rejects a second document.
        LoaderOptions options = new LoaderOptions();
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new ConfigException(source, List.of(syntaxProblem(e)));
        } catch (YAMLException e) {
            throw new ConfigException(source, List.of(new ConfigProblem("", 0, "invalid YAML: " + oneLine(e.getMessage()))));
        }
        return Optional.ofNullable(root).map(new YamlTreeReader(source, options)::convert);
    }

    private YamlNode convert(Node node) {
        YamlNode done = converted.get(node);
        if (done != null) {
            return done;
        }
        int line = node.getStartMark().getLine() + 1;
        if (!open.add(node)) {
            throw new ConfigException(source, List.of(new ConfigProblem("", line,
                    "an alias refers to the node that contains it; recursive structures are not allowed")));
        }
        YamlNode result = switch (node) {
            case ScalarNode scalar -> scalars.decode(scalar, line);
            case SequenceNode sequence -> {
                List<YamlNode> items = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    items.add(convert(item));
                }
                yield new YamlNode.Sequence(items, line);
            }
            case MappingNode mapping -> {
                List<YamlNode.Entry> entries = new ArrayList<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    Node key = tuple.getKeyNode();
                    String name = key instanceof ScalarNode s ? s.getValue() : "[" + convert(key).describe() + "]";
                    entries.add(new YamlNode.Entry(name, key.getStartMark().getLine() + 1, convert(tuple.getValueNode())));
                }
                yield new YamlNode.Mapping(entries, line);
            }
            default -> throw new IllegalStateException("unknown YAML node " + node.getNodeId());
        };
        open.remove(node);
        converted.put(node, result);
        return result;
    }

    private static ConfigProblem syntaxProblem(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        // snakeyaml splits its messages into a context ("while parsing a flow sequence") and the problem.
        String what = (e.getContext() != null ? oneLine(e.getContext()) + ", " : "") + oneLine(problem);
        if (mark == null) {
            return new ConfigProblem("", 0, "invalid YAML: " + what);
        }
        return new ConfigProblem("", mark.getLine() + 1, "invalid YAML at column " + (mark.getColumn() + 1) + ": " + what);
    }

    private static String oneLine(String text) {
        return text == null ? "unknown error" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
