package org.dang.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.dang.engine.store.ChainVerification;
import org.dang.engine.store.DecisionStore;

/** {@code dang verify-log}: checks the decision hash chain and names the first broken row. */
@Command(name = "verify-log", mixinStandardHelpOptions = true,
        description = "Verify the decision log's hash chain; exit 1 and name the first broken row if it fails.")
public final class VerifyLogCommand implements Callable<Integer> {

    @Mixin
    EngineOptions engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (DecisionStore store = DecisionStore.open(engine.load().store().path())) {
            ChainVerification v = store.verify();
            if (v.intact()) {
                out.println("OK " + v.rows() + " decisions verified in " + store.path() + ".mv.db; head " + v.headHash());
                return 0;
            }
            out.println("BROKEN at row " + v.brokenSeq().orElseThrow() + ": " + v.problem() + " (" + v.rows()
                    + " rows before it verified; last good hash " + v.headHash() + ")");
            return 1;
        }
    }
}
