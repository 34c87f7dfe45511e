package org.dang.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.access.Role;
import org.dang.engine.server.ApiToken;
import org.dang.engine.server.TokenFile;

/** {@code dang token ...}: bearer tokens of the HTTP API, kept hashed in server.token_file. */
@Command(name = "token", mixinStandardHelpOptions = true,
        subcommands = {TokenCommand.Add.class, TokenCommand.ListTokens.class, TokenCommand.Remove.class},
        description = "Manage API bearer tokens (stored as SHA-256 hashes in server.token_file).")
public final class TokenCommand {

    /** Options shared by the token verbs: which token file. */
    static final class TokenFileOptions {
        @Option(names = "--token-file", paramLabel = "FILE",
                description = "Token file (default: server.token_file of the configuration).")
        Path tokenFile;

        @Mixin
        EngineOptions engine;

        TokenFile open() {
            return new TokenFile(tokenFile != null ? tokenFile : engine.load().server().tokenFile());
        }
    }

    /** {@code dang token add}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Issue a token for a user and role; the token is printed once and only its hash is kept.")
    static final class Add implements Callable<Integer> {
        @Option(names = "--user", required = true, paramLabel = "NAME", description = "Who the token speaks for.")
        String user;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, operator or engineer.")
        String role;

        @Mixin
        TokenFileOptions file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Role r;
            try {
                r = Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--role '" + role
                        + "' is not a role; use viewer, operator or engineer");
            }
            TokenFile tokens = file.open();
            String token;
            try {
                token = tokens.add(user, r);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--user: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(token);
            out.flush();
            spec.commandLine().getErr().println("token for " + user + " (" + r.name().toLowerCase(Locale.ROOT)
                    + ") added to " + tokens.path() + "; it is shown only now: pass it as Authorization: Bearer <token>");
            return 0;
        }
    }

    /** {@code dang token list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users, roles and issue times.")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        TokenFileOptions file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            for (ApiToken t : file.open().list()) {
                out.printf(Locale.ROOT, "%-24s %-9s %s %s...%n", t.user(), t.role().name().toLowerCase(Locale.ROOT),
                        t.created(), t.hash().substring(0, 12));
            }
            out.flush();
            return 0;
        }
    }

    /** {@code dang token remove}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Revoke every token of a user.")
    static final class Remove implements Callable<Integer> {
        @Option(names = "--user", required = true, paramLabel = "NAME", description = "Whose tokens to revoke.")
        String user;

        @Mixin
        TokenFileOptions file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            int n = file.open().remove(user);
            spec.commandLine().getOut().println("removed " + n + " token(s) of " + user);
            return n > 0 ? 0 : 1;
        }
    }
}
