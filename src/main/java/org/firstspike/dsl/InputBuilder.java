package org.firstspike.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.firstspike.dsl.ast.Encoder;
import org.firstspike.dsl.ast.Expr;
import org.firstspike.dsl.ast.Stmt;
import org.firstspike.model.InputEncoding;
import org.firstspike.model.Node;
import org.firstspike.model.Op;
import org.firstspike.model.Shape;

/**
 * The input statement: {@code spikes(shape = ..., domain = t)} for spike times supplied by the host,
 * or {@code image(shape = ..., pixel_scale = 1/255)} with an encoder, {@code linear(...)} or {@code ann {...}}.
 */
final class InputBuilder {
    private InputBuilder() {
    }

    static Node build(Stmt.Input stmt, Context ctx) {
        Expr.Call src = stmt.source();
        Args a = Args.of(src, ctx.ev());
        LayerOps.noExtraPositional(a, 0);
        Node node = switch (src.fn()) {
            case "spikes" -> {
                a.expect("shape", "domain");
                yield spikes(stmt, a, ctx);
            }
            case "image" -> {
                a.expect("shape", "pixel_scale");
                yield image(stmt, a, ctx);
            }
            default -> {
                ctx.diagnostics().error(src.fnSpan(), "unknown input kind '" + src.fn()
                        + "'; use spikes(shape = [...]) or image(shape = [...]) with an encoder"
                        + org.firstspike.diag.Suggest.didYouMean(src.fn(), List.of("spikes", "image")));
                yield null;
            }
        };
        boolean known = src.fn().equals("spikes") || src.fn().equals("image");
        // The arguments of an unknown input kind cannot be judged.
        return known && a.finish() ? node : null;
    }

    private static Shape shape(Args a) {
        Value v = a.value("shape", true);
        if (v == null || v instanceof Value.Invalid) {
            return null;
        }
        if (v instanceof Value.Word w) {
            a.evaluator().unknownName(w);
            return null;
        }
        if (!(v instanceof Value.ListOf l) || l.items().size() != 1 && l.items().size() != 3) {
            a.error("shape", "shape is a list: [N] for a vector or [C, H, W] for an image, not " + v.describe());
            return null;
        }
        int[] dims = a.ints("shape", null, 1, 1, 3);
        return dims == null ? null : Shape.of(dims);
    }

    private static Node spikes(Stmt.Input stmt, Args a, Context ctx) {
        Shape shape = shape(a);
        Boolean z = a.word("domain", Map.of("t", false, "z", true), false);
        if (stmt.encoder() != null) {
            ctx.diagnostics().error(stmt.encoder().span(), "spikes(...) are spike times already; only image(...) "
                    + "inputs take an encoder");
            return null;
        }
        if (shape == null || z == null) {
            return null;
        }
        return node(stmt, shape, shape, new InputEncoding.HostSpikeTimes(z));
    }

    private static Node image(Stmt.Input stmt, Args a, Context ctx) {
        Shape shape = shape(a);
        Double pixelScale = a.positive("pixel_scale", 1.0 / 255);
        Encoder enc = stmt.encoder();
        if (enc == null) {
            ctx.diagnostics().error(stmt.source().fnSpan(), "an image input needs an encoder that turns pixels "
                    + "into spike times: add encoder linear(offset = ..., slope = ...) or encoder ann { ... }");
            return null;
        }
        if (shape == null || pixelScale == null) {
            return null;
        }
        return switch (enc.kind()) {
            case "linear" -> linear(stmt, shape, pixelScale, ctx);
            case "ann" -> ann(stmt, shape, pixelScale, ctx);
            default -> {
                ctx.diagnostics().error(enc.span(), "unknown encoder '" + enc.kind() + "'; use linear(...) or ann { ... }"
                        + org.firstspike.diag.Suggest.didYouMean(enc.kind(), List.of("linear", "ann")));
                yield null;
            }
        };
    }

    /** t = offset + slope·p for p = pixel·pixel_scale; every pixel must map into [0, ∞). */
    private static Node linear(Stmt.Input stmt, Shape shape, double pixelScale, Context ctx) {
        Encoder enc = stmt.encoder();
        if (!enc.steps().isEmpty()) {
            ctx.diagnostics().error(enc.steps().get(0).fnSpan(), "a linear encoder has no steps; its map is "
                    + "given by offset and slope");
            return null; // its shape is not what the steps meant; no follow-up errors downstream
        }
        Args a = Args.of(new Expr.Call("linear", enc.span(), enc.args(), enc.span()), ctx.ev());
        Double offset = a.number("offset", null);
        Double slope = a.number("slope", null);
        if (!a.finish() || offset == null || slope == null) {
            return null;
        }
        double pMax = 255 * pixelScale;
        if (Math.min(offset, offset + slope * pMax) < 0) {
            ctx.diagnostics().error(enc.span(), "this map gives negative spike times: t = "
                    + Format.number(offset) + " + " + Format.number(slope) + "·p reaches "
                    + Format.number(Math.min(offset, offset + slope * pMax)) + " for p in [0, " + Format.number(pMax) + "]");
            return null;
        }
        return node(stmt, shape, shape, new InputEncoding.LinearPixels(pixelScale, offset, slope));
    }

    private static Node ann(Stmt.Input stmt, Shape shape, double pixelScale, Context ctx) {
        Encoder enc = stmt.encoder();
        if (!enc.args().isEmpty()) {
            ctx.diagnostics().error(enc.span(), "the ann encoder takes its layers as steps in { ... }, not arguments");
        }
        if (!shape.isMap()) {
            ctx.diagnostics().error(stmt.source().fnSpan(), "the ann encoder needs an image of shape [C, H, W]");
            return null;
        }
        if (enc.steps().isEmpty()) {
            ctx.diagnostics().error(enc.span(), "the ann encoder has no steps");
            return null;
        }
        List<InputEncoding.AnnStep> steps = new ArrayList<>();
        Shape current = shape;
        boolean nonNegative = false;
        for (Expr.Call step : enc.steps()) {
            AnnSteps.Built b = AnnSteps.build(step, current, ctx);
            if (b == null) {
                return null;
            }
            steps.add(b.step());
            current = b.shape();
            // Relu and clamp(min >= 0) make values non-negative; pools and clamps keep it so.
            nonNegative = b.step() instanceof InputEncoding.AnnStep.Relu
                    || b.step() instanceof InputEncoding.AnnStep.Clamp c && (c.min() >= 0 || nonNegative)
                    || nonNegative && b.step() instanceof InputEncoding.AnnStep.MaxPool;
        }
        if (!nonNegative) {
            ctx.diagnostics().error(enc.span(), "the encoder's output is a spike time and may come out negative; "
                    + "end it with relu() or clamp(min = 0, ...)");
            return null;
        }
        return node(stmt, shape, current, new InputEncoding.Ann(pixelScale, steps));
    }

    private static Node node(Stmt.Input stmt, Shape sample, Shape out, InputEncoding enc) {
        return new Node(stmt.name(), new Op.Input(sample, enc), List.of(), out, stmt.source().span());
    }
}
