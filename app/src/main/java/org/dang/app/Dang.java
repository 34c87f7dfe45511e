package org.dang.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.dang.app.bench.BenchUiCommand;
import org.dang.engine.cli.BenchCommand;
import org.dang.engine.cli.ChatCommand;
import org.dang.engine.cli.DecideCommand;
import org.dang.engine.cli.ForecastEvalCommand;
import org.dang.engine.cli.HistoryCommand;
import org.dang.engine.cli.MarketReportCommand;
import org.dang.engine.cli.MonitorEvalCommand;
import org.dang.engine.cli.ReplayCommand;
import org.dang.engine.cli.ServeCommand;
import org.dang.engine.cli.SimulateCommand;
import org.dang.engine.cli.TokenCommand;
import org.dang.engine.cli.TrainPolicyCommand;
import org.dang.engine.cli.VerifyLogCommand;

/** The {@code dang} command: the console by default, and the engine's verbs. */
@Command(name = "dang", mixinStandardHelpOptions = true, version = "DAN_G Console 0.1.0",
        description = "DAN_G operator console and engine tools. Without a verb, opens the console.",
        subcommands = {ConsoleCommand.class, SelfTestCommand.class, SimulateCommand.class, MonitorEvalCommand.class,
                DecideCommand.class, HistoryCommand.class, ForecastEvalCommand.class, VerifyLogCommand.class, ChatCommand.class,
                ReplayCommand.class,
                MarketReportCommand.class, TrainPolicyCommand.class,
                BenchCommand.class, ServeCommand.class, TokenCommand.class, CommandLine.HelpCommand.class})
public final class Dang implements Runnable {

    /** Entry point used by the launcher and the installer. */
    public static void main(String[] args) {
        // No verb given: the console is the default.
        System.exit(commandLine().execute(args.length == 0 ? new String[] {"console"} : args));
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Dang());
        // The UI benchmark needs JavaFX, so the app adds it to the engine's bench command.
        cl.getSubcommands().get("bench").addSubcommand("ui", new BenchUiCommand());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println("dang " + String.join(" ", parseResult.originalArgs()) + ": "
                    + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
