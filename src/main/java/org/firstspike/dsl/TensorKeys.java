package org.firstspike.dsl;

import java.util.List;
import org.firstspike.diag.Suggest;
import org.firstspike.dsl.ast.Expr;
import org.firstspike.dsl.ast.Subscript;
import org.firstspike.readers.TensorFile;

/** {@code sd["key"]}: looks a key up in a weights file, listing the closest keys when it is missing. */
final class TensorKeys {
    private TensorKeys() {
    }

    static Value lookup(TensorFile file, String fileName, Expr.Index index, Evaluator ev) {
        if (file == null) {
            return Value.INVALID; // the file failed to open, which was reported already
        }
        Subscript first = index.subscripts().get(0);
        if (first.slice() || !(ev.eval(first.start()) instanceof Value.Str key)) {
            return ev.error(first.span(), "a weights file is indexed by a string key, e.g. "
                    + fileName + "[\"conv1.weight\"]");
        }
        if (!file.contains(key.value())) {
            return ev.error(first.span(), missing(file, key.value()));
        }
        Value.TensorRef ref = new Value.TensorRef(file.get(key.value()),
                fileName + "[\"" + key.value() + "\"]", null);
        if (index.subscripts().size() == 1) {
            return ref;
        }
        Expr.Index rest = new Expr.Index(index.target(), index.subscripts().subList(1, index.subscripts().size()),
                index.span());
        return TensorSlicing.slice(ref, rest, ev);
    }

    private static String missing(TensorFile file, String key) {
        String name = file.path().getFileName().toString();
        List<String> close = Suggest.closest(key, file.keys(), 3);
        if (close.isEmpty()) {
            close = file.keys().subList(0, Math.min(5, file.keys().size()));
            return "no tensor '" + Format.visible(key) + "' in " + name + "; it holds " + quoted(close)
                    + (file.keys().size() > close.size() ? ", …" : "");
        }
        return "no tensor '" + Format.visible(key) + "' in " + name + "; closest keys: " + quoted(close);
    }

    private static String quoted(List<String> keys) {
        return String.join(", ", keys.stream().map(k -> "'" + Format.visible(k) + "'").toList());
    }
}
