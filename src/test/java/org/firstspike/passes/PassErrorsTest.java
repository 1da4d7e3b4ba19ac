package org.firstspike.passes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.firstspike.device.Target;
import org.firstspike.device.Targets;
import org.firstspike.diag.Diagnostic;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.diag.DiagnosticPrinter;
import org.firstspike.ir.IrProgram;
import org.firstspike.model.Network;
import org.firstspike.testing.Lowering;
import org.firstspike.testing.ZRecipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the pass pipeline refuses, each as a positioned error ({@code file:line:col}) at the statement
 * responsible: the op call of that layer's statement, as every layer diagnostic of the front end.
 */
class PassErrorsTest {
    @TempDir
    Path dir;

    private Network load(String name, String source, String json) {
        return Lowering.load(dir, name, source, json);
    }

    private static DiagnosticException rejected(Network net, CompileOptions options) {
        return assertThrows(DiagnosticException.class, () -> Lowering.compile(net, options, Targets.load("generic")));
    }

    /** The only error, at line:column of the first occurrence of {@code call} on that line. */
    private static Diagnostic single(DiagnosticException e, String source, int line, String call) {
        List<Diagnostic> errors = e.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), () -> DiagnosticPrinter.render(e.diagnostics()));
        Diagnostic d = errors.get(0);
        String text = source.lines().toList().get(line - 1);
        int column = text.indexOf(call) + 1;
        assertTrue(column > 0, call + " on line " + line);
        assertEquals(line, d.span().line(), () -> DiagnosticPrinter.render(e.diagnostics()));
        assertEquals(column, d.span().column(), () -> DiagnosticPrinter.render(e.diagnostics()));
        String rendered = DiagnosticPrinter.render(d);
        assertTrue(rendered.contains(":" + line + ":" + column + ": error: "), rendered);
        return d;
    }

    private static final String DELAY = """
            network dl;
            weights w = json("dl.json");
            time { t_max = 4; }
            neuron { model = if_exp; tau_syn = 1; threshold = 1; }
            input x = spikes(shape = [2, 1, 1], domain = t);
            d = delay(x, by = 4.0);
            m = minpool(d, kernel = 1);
            f = flatten(m, order = nchw);
            y = dense(f, out = 1, weight = w["y"]);
            output y decode first_spike();
            """;

    /**
     * targets/generic.json: delay_bits = 10, so a register holds at most 2^10 − 1 = 1023 ticks. With
     * t_max = 4 and T = 1024, Δ = 1/256 and a delay of 4.0 is 1024 ticks: rejected at the delay's line 6
     * (never clamped). At T = 1023 the same delay is exactly 1023 ticks and fits.
     */
    @Test
    void overRangeDelayIsRejectedAtTheDelayStatement() {
        Target generic = Targets.load("generic");
        assertEquals(10, generic.engine().delayBits());
        Network net = load("dl", DELAY, "{\"y\": [[1, 1]]}");
        DiagnosticException e = rejected(net, CompileOptions.defaults().withTicks(1024));
        Diagnostic d = single(e, DELAY, 6, "delay(");
        assertTrue(d.span().location().endsWith("dl.ttfs:6:5"), d.span().location());
        assertTrue(d.message().contains("1024 ticks"), d.message());
        assertTrue(d.message().contains("10 bits") && d.message().contains("at most 1023 ticks"), d.message());
        IrProgram ok = Lowering.compile(net, CompileOptions.defaults().withTicks(1023), generic);
        assertArrayEquals(new int[] {1023}, ok.node("m").inputs().get(0).delay().ticks());
    }

    private static final String WIDTH = """
            network wide;
            weights w = json("wide.json");
            time { t_max = 20; }
            neuron { model = if_exp; tau_syn = 1; threshold = 1; }
            input x = spikes(shape = [16], domain = t);
            h = dense(x, out = 2, weight = w["h"], quant = scaled_int(bits = 8, scale = 0.01));
            output h decode first_spike();
            """;

    /**
     * 16 synapses of level 127 (scale 0.01): A up to 2032, Θ = round(1/0.01·2^8) = 25600, A' up to
     * 2032·256 − 25600 = 494592. t_max = 20, τ = 1, T = 1024: N = 1024, and the firing test at the last
     * tick before N multiplies Zc(1023) ≈ 2^16·e^{19.99} by A'; B reaches 2032·Z(1023). Both products
     * need more than the generic engine's 63 bits.
     */
    @Test
    void productsWiderThanTheEngineAreRejectedAtTheLayer() {
        String levels = "[" + "127, ".repeat(15) + "127]";
        Network net = load("wide", WIDTH, "{\"h\": [" + levels + ", " + levels + "]}");
        DiagnosticException e = rejected(net, CompileOptions.defaults().withTicks(1024));
        Diagnostic d = single(e, WIDTH, 6, "dense(");
        ZRecipe r = new ZRecipe(20.0 / 1024, 16);
        BigInteger ap = BigInteger.valueOf(2032L * 256 - 25600);
        BigInteger test = BigInteger.valueOf(r.zc(1023)).multiply(ap);
        BigInteger b = BigInteger.valueOf(2032).multiply(BigInteger.valueOf(r.z(1023))).shiftLeft(8);
        int bits = Math.max(test.bitLength(), b.bitLength()) + 1;
        assertTrue(bits > 63, "the example must overflow: " + bits);
        assertTrue(d.message().contains("'h' needs " + bits + "-bit products in its firing test"), d.message());
        assertTrue(d.message().contains("computes 63 bits"), d.message());
    }

    /** QuantizeWeights takes 2 to 16 bits; 20 is refused at every layer it would re-quantize. */
    @Test
    void impossibleWeightWidthIsRejectedAtTheLayer() {
        Network net = load("dl", DELAY, "{\"y\": [[1, 1]]}");
        DiagnosticException e = rejected(net, CompileOptions.defaults().withTicks(256).withWeightBits(20));
        Diagnostic d = single(e, DELAY, 9, "dense(");
        assertTrue(d.message().contains("cannot quantize 'y' to 20 bits: weights take 2 to 16 bits"), d.message());
    }

    private static String avgpool(String args) {
        return """
                network ap;
                weights w = json("ap.json");
                time { t_max = 4; }
                neuron { model = if_exp; tau_syn = 1; threshold = 1; }
                input x = spikes(shape = [1, 2, 2], domain = t);
                a = avgpool_z(x, %s, pad = z(1));
                f = flatten(a, order = nchw);
                y = dense(f, out = 1, weight = w["y"]);
                output y decode first_spike();
                """.formatted(args);
    }

    private void assertAvgpoolReason(String args, String json) {
        String src = avgpool(args);
        Network net = load("ap", src, json);
        Diagnostic d = single(rejected(net, CompileOptions.defaults()), src, 6, "avgpool_z(");
        assertTrue(d.message().contains("avgpool_z cannot be compiled to hardware"), d.message());
        assertTrue(d.message().contains("is not the time of any input spike"), d.message());
        assertTrue(d.message().contains("use minpool"), d.message());
    }

    /** A 1×1 window keeps the size, so this one reaches reject-float-only-ops. */
    @Test
    void avgpoolZIsRejectedWithItsReason() {
        assertAvgpoolReason("kernel = 1", "{\"y\": [[1, 1, 1, 1]]}");
    }

    /** The seed's configuration (kernel 2, stride 2): rejected before shape resolution, with the reason. */
    @Test
    void sizeReducingAvgpoolZIsRejectedWithItsReason() {
        assertAvgpoolReason("kernel = 2, stride = 2", "{\"y\": [[1]]}");
    }

    private String outputOf(String name, String layer) {
        return """
                network %s;
                weights w = json("%s.json");
                time { t_max = 4; }
                neuron { model = if_exp; tau_syn = 1; threshold = 1; }
                input x = spikes(shape = [1, 1, 2], domain = t);
                f = flatten(x, order = nchw);
                h = dense(f, out = 2, weight = w["h"]);
                y = %s;
                output y decode first_spike();
                """.formatted(name, name, layer);
    }

    @Test
    void anOutputThatIsAFlattenIsRejected() {
        String src = outputOf("outflat", "flatten(x, order = nhwc)");
        Network net = load("outflat", src, "{\"h\": [[1, 1], [1, 1]]}");
        Diagnostic d = single(rejected(net, CompileOptions.defaults()), src, 8, "flatten(");
        assertTrue(d.message().contains("the output 'y' must be a layer of neurons for hardware, not a flatten"),
                d.message());
    }

    @Test
    void anOutputThatIsADelayIsRejected() {
        String src = outputOf("outdelay", "delay(h, by = 0.5)");
        Network net = load("outdelay", src, "{\"h\": [[1, 1], [1, 1]]}");
        Diagnostic d = single(rejected(net, CompileOptions.defaults()), src, 8, "delay(");
        assertTrue(d.message().contains("the output 'y' must be a layer of neurons for hardware, not a delay"), d.message());
    }

    /** An addition skip as the output would lower to a time-add unit, which has no core to decode. */
    @Test
    void anOutputThatIsAnAddIsRejected() {
        String src = outputOf("outadd", "add(h, h)");
        Network net = load("outadd", src, "{\"h\": [[1, 1], [1, 1]]}");
        Diagnostic d = single(rejected(net, CompileOptions.defaults()), src, 8, "add(");
        assertTrue(d.message().contains("must be a layer of neurons"), d.message());
    }

    /** {@code output x} where x is the (vector) input: not a neuron layer. */
    @Test
    void anOutputThatIsTheInputIsRejected() {
        String src = """
                network outin;
                time { t_max = 4; }
                input x = spikes(shape = [2], domain = t);
                output x decode first_spike();
                """;
        Network net = load("outin", src, "{}");
        DiagnosticException e = rejected(net, CompileOptions.defaults());
        assertTrue(e.diagnostics().get(0).message().contains("layer of neurons"), e.getMessage());
        assertTrue(e.diagnostics().get(0).span().line() == 3 || e.diagnostics().get(0).span().line() == 4);
    }
}
