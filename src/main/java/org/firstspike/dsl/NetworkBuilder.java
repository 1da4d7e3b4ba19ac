package org.firstspike.dsl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firstspike.diag.Diagnostics;
import org.firstspike.diag.SourceSpan;
import org.firstspike.diag.Suggest;
import org.firstspike.dsl.ast.Expr;
import org.firstspike.dsl.ast.Program;
import org.firstspike.dsl.ast.Stmt;
import org.firstspike.model.Decode;
import org.firstspike.model.Network;
import org.firstspike.model.NeuronModel;
import org.firstspike.model.Node;
import org.firstspike.model.TimeBase;
import org.firstspike.readers.TensorFileException;

/**
 * Checks a parsed program and builds the {@link Network}: declarations, constants, weights files,
 * the time base and neuron, then the layer graph in dependency order with shape inference. All
 * problems go to the diagnostics; the result is null if there was any error.
 */
public final class NetworkBuilder {
    private final Program program;
    private final Diagnostics diagnostics;
    private final Scope scope = new Scope();
    private final Evaluator ev;
    private final Path sourceDir;

    private String networkName;
    private Stmt.Settings timeBlock;
    private Stmt.Settings neuronBlock;
    private Stmt.Input input;
    private Stmt.Output output;
    private final List<Stmt.Const> constants = new ArrayList<>();
    private final List<Stmt.Weights> weights = new ArrayList<>();
    /** Every definition of a value: the input statement and each layer statement. */
    private final List<Stmt> definitions = new ArrayList<>();
    private final Map<String, Integer> definitionOf = new LinkedHashMap<>();

    private NetworkBuilder(Program program, Diagnostics diagnostics) {
        this.program = program;
        this.diagnostics = diagnostics;
        this.ev = new Evaluator(scope, diagnostics);
        Path p = program.source().path();
        this.sourceDir = p == null || p.toAbsolutePath().getParent() == null ? Path.of(".")
                : p.toAbsolutePath().getParent();
    }

    public static Network build(Program program, Diagnostics diagnostics) {
        return new NetworkBuilder(program, diagnostics).build();
    }

    private Network build() {
        collect();
        openWeights(); // first: a constant may select a tensor, const W = sd["fc.weight"];
        evaluateConstants();
        NeuronModel neuron = Settings.neuron(neuronBlock, ev);
        TimeBase time = timeBase(neuron);
        if (input == null) {
            return null;
        }
        // A missing or wrong time block is reported already; check the layers anyway, so all errors come together.
        Context ctx = time != null ? new Context(ev, time, true, neuron, sourceDir)
                : new Context(ev, new TimeBase(0, 1, neuron.tauSyn()), false, neuron, sourceDir);
        List<Node> nodes = buildGraph(ctx);
        String out = checkOutput(nodes);
        warnUnused(nodes, out);
        if (diagnostics.hasErrors() || time == null || nodes == null || out == null) {
            return null;
        }
        String name = networkName != null ? networkName : fileStem();
        return new Network(name, program.source(), time, neuron, nodes, out, Decode.FIRST_SPIKE);
    }

    private TimeBase timeBase(NeuronModel neuron) {
        if (timeBlock == null) {
            diagnostics.error(start(), "missing time block; add e.g. time { t_max = 6; no_spike = t(6); }");
            return null;
        }
        return Settings.time(timeBlock, neuron.tauSyn(), ev);
    }

    private SourceSpan start() {
        return new SourceSpan(program.source(), 1, 1, 1);
    }

    private String fileStem() {
        String n = program.source().displayName();
        n = n.substring(n.lastIndexOf('/') + 1);
        return n.endsWith(".ttfs") ? n.substring(0, n.length() - 5) : n;
    }

    /** Sorts statements by kind and reports duplicates. */
    private void collect() {
        Map<String, SourceSpan> singles = new HashMap<>();
        for (Stmt s : program.statements()) {
            if (s instanceof Stmt.Network n) {
                once(singles, "network", n.span());
                networkName = n.name();
            } else if (s instanceof Stmt.Const c) {
                constants.add(c);
                scope.laterConstants.add(c.name());
            } else if (s instanceof Stmt.Weights w) {
                weights.add(w);
            } else if (s instanceof Stmt.Settings b) {
                once(singles, b.block() + " block", b.span());
                if (b.block().equals("time")) {
                    timeBlock = b;
                } else {
                    neuronBlock = b;
                }
            } else if (s instanceof Stmt.Input i) {
                if (input != null) {
                    diagnostics.error(i.span(), "a network has one input; '" + input.name() + "' is already declared");
                    continue;
                }
                input = i;
                define(i.name(), i.span(), s);
            } else if (s instanceof Stmt.Layer l) {
                for (Expr.Name t : l.targets()) {
                    define(t.name(), t.span(), s);
                }
            } else if (s instanceof Stmt.Output o) {
                if (output != null) {
                    diagnostics.error(o.span(), "a network has one output; 'output " + output.name()
                            + "' is already declared");
                    continue;
                }
                output = o;
            }
        }
        if (input == null) {
            diagnostics.error(start(), "missing input; declare one, e.g. input x = spikes(shape = [2]);");
        }
        if (output == null) {
            diagnostics.error(start(), "missing output; add e.g. output y decode first_spike();");
        }
        checkNameClashes();
    }

    private void once(Map<String, SourceSpan> singles, String what, SourceSpan span) {
        SourceSpan first = singles.putIfAbsent(what, span);
        if (first != null) {
            diagnostics.error(span, "duplicate " + what + (what.endsWith(" block") ? "" : " declaration")
                    + "; the first is at line " + first.line());
        }
    }

    private void define(String name, SourceSpan span, Stmt stmt) {
        Integer previous = definitionOf.get(name);
        if (previous != null) {
            diagnostics.error(span, "'" + name + "' is already defined at line "
                    + definitions.get(previous).span().line());
            return;
        }
        if (!definitions.contains(stmt)) {
            definitions.add(stmt);
        }
        definitionOf.put(name, definitions.indexOf(stmt));
        scope.layers.add(name);
    }

    private void checkNameClashes() {
        Map<String, SourceSpan> names = new HashMap<>();
        for (Stmt.Const c : constants) {
            SourceSpan first = names.putIfAbsent(c.name(), c.span());
            if (first != null) {
                diagnostics.error(c.span(), "constant '" + c.name() + "' is already defined at line " + first.line());
            }
            clash(c.name(), c.span(), "a constant");
        }
        for (Stmt.Weights w : weights) {
            SourceSpan first = names.putIfAbsent(w.name(), w.span());
            if (first != null) {
                diagnostics.error(w.span(), "'" + w.name() + "' is already defined at line " + first.line());
            }
            clash(w.name(), w.span(), "a weights file");
        }
    }

    private void clash(String name, SourceSpan span, String what) {
        if (definitionOf.containsKey(name)) {
            diagnostics.error(span, "'" + name + "' names both " + what + " and a layer");
        }
    }

    private void evaluateConstants() {
        for (Stmt.Const c : constants) {
            scope.laterConstants.remove(c.name());
            Value v = ev.eval(c.value());
            if (v instanceof Value.Word w) {
                ev.unknownName(w);
                v = Value.INVALID;
            }
            scope.constants.putIfAbsent(c.name(), v);
        }
    }

    private void openWeights() {
        for (Stmt.Weights w : weights) {
            scope.weights.put(w.name(), null);
            Expr.Call src = w.source();
            if (!WeightFiles.EXTENSIONS.containsKey(src.fn())) {
                diagnostics.error(src.fnSpan(), "unknown weights format '" + src.fn() + "'; use torch, npy, npz or json"
                        + Suggest.didYouMean(src.fn(), WeightFiles.EXTENSIONS.keySet()));
                continue;
            }
            if (src.args().size() != 1 || !src.args().get(0).positional()
                    || !(src.args().get(0).value() instanceof Expr.Str path)) {
                diagnostics.error(src.span(), src.fn() + "(...) takes the file's path as one string, e.g. "
                        + src.fn() + "(\"weights/model" + WeightFiles.EXTENSIONS.get(src.fn()).get(0) + "\")");
                continue;
            }
            if (path.value().isBlank()) {
                diagnostics.error(path.span(), "the weights path is empty");
                continue;
            }
            Path file;
            try {
                file = sourceDir.resolve(path.value());
            } catch (java.nio.file.InvalidPathException e) {
                diagnostics.error(path.span(), "not a usable file path: " + e.getReason());
                continue;
            }
            try {
                if (!WeightFiles.fits(src.fn(), file) && java.nio.file.Files.exists(file)) {
                    diagnostics.error(path.span(), src.fn() + "(...) reads " + String.join(", ",
                            WeightFiles.EXTENSIONS.get(src.fn())) + " files; '" + Format.visible(path.value())
                            + "' looks like another format");
                    continue;
                }
                scope.weights.put(w.name(), WeightFiles.open(file));
            } catch (TensorFileException e) {
                diagnostics.error(path.span(), "cannot read weights: " + Format.visible(path.value()) + ": "
                        + e.detail() + nearMiss(file));
            }
        }
    }

    /** "; did you mean 'x.pt'?" when {@code file} does not exist but its directory has a similar name. */
    private static String nearMiss(Path file) {
        Path dir = file.getParent();
        if (file.getFileName() == null || dir == null || java.nio.file.Files.exists(file)
                || !java.nio.file.Files.isDirectory(dir)) {
            return "";
        }
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dir)) {
            List<String> names = s.limit(1000).map(p -> p.getFileName().toString()).toList();
            return Suggest.didYouMean(file.getFileName().toString(), names);
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    private List<Node> buildGraph(Context ctx) {
        List<List<Integer>> deps = new ArrayList<>();
        for (Stmt def : definitions) {
            deps.add(dependencies(def));
        }
        GraphOrder.Result order = GraphOrder.sort(deps);
        for (List<Integer> cycle : order.cycles()) {
            reportCycle(cycle);
        }
        return new GraphBuilder(ctx, definitions, definitionOf).build(order.order(), input);
    }

    private List<Integer> dependencies(Stmt def) {
        List<Integer> deps = new ArrayList<>();
        if (!(def instanceof Stmt.Layer l)) {
            return deps;
        }
        for (Expr e : LayerOps.inputExprs(l.call())) {
            if (e instanceof Expr.Name n && definitionOf.containsKey(n.name())) {
                int d = definitionOf.get(n.name());
                if (!deps.contains(d)) {
                    deps.add(d);
                }
            }
        }
        return deps;
    }

    private void reportCycle(List<Integer> cycle) {
        List<String> names = new ArrayList<>();
        for (int i : cycle) {
            names.add(firstName(definitions.get(i)));
        }
        names.add(names.get(0));
        diagnostics.error(definitions.get(cycle.get(0)).span(), "cycle in the layer graph: "
                + String.join(" → ", names));
    }

    private static String firstName(Stmt s) {
        return s instanceof Stmt.Layer l ? l.targets().get(0).name() : ((Stmt.Input) s).name();
    }

    private String checkOutput(List<Node> nodes) {
        if (output == null) {
            return null; // reported by collect()
        }
        Args a = Args.of(output.decode(), ev);
        if (!output.decode().fn().equals("first_spike")) {
            diagnostics.error(output.decode().fnSpan(), "unknown decoding '" + output.decode().fn()
                    + "'; FirstSpike decodes first_spike (earliest spike wins, ties to the lowest index)");
        } else {
            LayerOps.noExtraPositional(a, 0);
            a.word("ties", Map.of("lowest_index", "lowest_index"), "lowest_index");
            a.finish();
        }
        if (!definitionOf.containsKey(output.name())) {
            diagnostics.error(output.span(), "unknown layer '" + output.name() + "'"
                    + Suggest.didYouMean(output.name(), definitionOf.keySet()));
            return null;
        }
        Node node = nodes == null ? null : nodes.stream().filter(n -> n.name().equals(output.name())).findFirst()
                .orElse(null);
        if (node != null && node.shape().rank() != 1) {
            diagnostics.error(output.span(), "the output decodes one neuron per class, so it must be a vector; '"
                    + output.name() + "' has shape " + node.shape());
        }
        return output.name();
    }

    private void warnUnused(List<Node> nodes, String out) {
        if (nodes == null || out == null || diagnostics.hasErrors()) {
            return;
        }
        Set<String> used = new HashSet<>();
        used.add(out);
        for (Node n : nodes) {
            used.addAll(n.inputs());
        }
        for (Node n : nodes) {
            if (!used.contains(n.name())) {
                diagnostics.warning(n.span(), "'" + n.name() + "' is computed but never used");
            }
        }
    }
}
