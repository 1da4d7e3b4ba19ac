package org.firstspike.cli;

import java.util.function.BiConsumer;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.firstspike.ir.IrBuilder;
import org.firstspike.ir.IrProgram;
import org.firstspike.model.Granularity;
import org.firstspike.model.Network;
import org.firstspike.passes.CompileOptions;
import org.firstspike.passes.Pass;
import org.firstspike.passes.PassContext;
import org.firstspike.passes.Pipeline;
import org.firstspike.device.Target;
import org.firstspike.device.Targets;

/** The options that choose how a network is lowered, shared by compile, eval --hardware, sim and bench. */
final class HardwareOptions {
    private HardwareOptions() {
    }

    static void addTo(Options o) {
        o.addOption(Option.builder().longOpt("target").hasArg().argName("T")
                .desc("target: " + String.join(", ", Targets.SHIPPED) + " or a .json file (default "
                        + Targets.DEFAULT + ")").build());
        o.addOption(Option.builder().longOpt("ticks").hasArg().argName("N")
                .desc("ticks per t_max (default: the target's)").build());
        o.addOption(Option.builder().longOpt("weight-bits").hasArg().argName("B")
                .desc("re-quantize every layer to B bits (default: QAT layers as trained)").build());
        o.addOption(Option.builder().longOpt("ptq-bits").hasArg().argName("B")
                .desc("bits for post-training quantization of float layers (default 8)").build());
        o.addOption(Option.builder().longOpt("ptq-per").hasArg().argName("tensor|channel")
                .desc("one PTQ scale per tensor or per output channel (default channel)").build());
        o.addOption(Option.builder().longOpt("z-fraction-bits").hasArg().argName("F")
                .desc("fraction bits of the e^(nΔ/τ) tables (default 16); fewer narrow the firing-test products")
                .build());
    }

    static CompileOptions options(CommandLine cl) throws UsageException {
        CompileOptions o = CompileOptions.defaults();
        o = o.withTicks(CliSupport.intOption(cl, "ticks", 0, 1));
        o = o.withWeightBits(CliSupport.intOption(cl, "weight-bits", 0, 1));
        o = o.withZFractionBits(CliSupport.intOption(cl, "z-fraction-bits", o.zFractionBits(), 1));
        return o.withPtqBits(CliSupport.intOption(cl, "ptq-bits", o.ptqBits(), 1)).withPtqGranularity(per(cl));
    }

    private static Granularity per(CommandLine cl) throws UsageException {
        String word = cl.getOptionValue("ptq-per", Granularity.PER_CHANNEL.word());
        for (Granularity g : Granularity.values()) {
            if (g.word().equals(word)) {
                return g;
            }
        }
        throw new UsageException("--ptq-per takes tensor or channel, not '" + word + "'");
    }

    static Compilation compile(Network net, CommandLine cl, BiConsumer<Pass, IrProgram> after) throws UsageException {
        return compile(net, cl, Targets.DEFAULT, after);
    }

    /** As above, with {@code defaultTarget} when --target is not given. */
    static Compilation compile(Network net, CommandLine cl, String defaultTarget, BiConsumer<Pass, IrProgram> after)
            throws UsageException {
        Target target = Targets.load(cl.getOptionValue("target", defaultTarget));
        return compile(net, target, options(cl), after);
    }

    static Compilation compile(Network net, Target target, CompileOptions options, BiConsumer<Pass, IrProgram> after) {
        PassContext ctx = new PassContext(net.source(), options, target);
        IrProgram ir = Pipeline.run(IrBuilder.fromNetwork(net), ctx, after);
        return new Compilation(ir, target, ctx.reportLines());
    }
}
