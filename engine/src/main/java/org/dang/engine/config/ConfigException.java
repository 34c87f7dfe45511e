package org.dang.engine.config;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file that cannot be used, with every problem found in it.
 *
 * <p>Unchecked on purpose: no caller can repair a bad file, so the only handling is to show the
 * problems to the person who wrote it, which the command line does once at its top level.
 */
public final class ConfigException extends RuntimeException {

    private final String source;
    private final List<ConfigProblem> problems;

    /** Problems are kept in file order (by line) so the message reads top to bottom. */
    public ConfigException(String source, List<ConfigProblem> problems) {
        super(source);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.source = source;
        this.problems = problems.stream().sorted(Comparator.comparingInt(ConfigProblem::line)).toList();
    }

    /** The file (or other source name) the problems are in. */
    public String source() {
        return source;
    }

    /** Every problem, in file order. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** One line per problem: {@code <source>:<line>: <key>: <message>}. */
    @Override
    public String getMessage() {
        return problems.stream().map(p -> p.format(source)).collect(Collectors.joining("\n"));
    }
}
