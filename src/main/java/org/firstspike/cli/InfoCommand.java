package org.firstspike.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.firstspike.model.Network;
import org.firstspike.report.InfoReport;
import org.firstspike.report.Json;

/** `firstspike info FILE`: the checked network as a table per layer. */
final class InfoCommand implements Command {
    @Override
    public String name() {
        return "info";
    }

    @Override
    public String operands() {
        return "FILE";
    }

    @Override
    public String summary() {
        return "summarize a network: per layer op, shapes, parameters, fan-in, synapses, delays, quantization";
    }

    @Override
    public Options options() {
        return new Options().addOption(CliSupport.JSON);
    }

    @Override
    public int run(CommandLine cl, Io io) throws UsageException {
        Network net = CliSupport.network(cl, name(), io);
        io.out().print(cl.hasOption("json") ? Json.write(InfoReport.json(net)) : InfoReport.text(net));
        return 0;
    }
}
