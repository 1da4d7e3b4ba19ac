package org.firstspike.readers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document as a tree whose every node remembers where it started, so that errors found
 * while interpreting it as tensors can cite line, column and byte offset. Bare NaN, Infinity
 * and -Infinity (as Python's json module writes them) are accepted; duplicate keys are not.
 */
final class JsonTree {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonTree() {
    }

    /** Where a node starts. */
    record Loc(long line, long column, long offset) {
        String text() {
            return "line " + line + ", column " + column;
        }
    }

    /** A JSON value. */
    sealed interface Node permits Obj, Arr, Num, Str, Bool, Null {
        Loc loc();
    }

    record Obj(Map<String, Node> members, Loc loc) implements Node {
    }

    record Arr(List<Node> items, Loc loc) implements Node {
    }

    /** A number; {@code integral} when written without fraction or exponent. */
    record Num(double value, boolean integral, Loc loc) implements Node {
    }

    record Str(String value, Loc loc) implements Node {
    }

    record Bool(boolean value, Loc loc) implements Node {
    }

    record Null(Loc loc) implements Node {
    }

    static Node parse(byte[] bytes, Failure failure) throws TensorFileException {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            if (p.nextToken() == null) {
                throw failure.at(0, "file holds no JSON value");
            }
            Node root = node(p, failure);
            if (p.nextToken() != null) {
                Loc at = loc(p);
                throw failure.at(at.offset(), "unexpected content after the top-level value at " + at.text());
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Loc at = l == null ? new Loc(0, 0, -1) : loc(l);
            String why = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ");
            throw failure.at(at.offset(), "malformed JSON at " + at.text() + ": " + why);
        } catch (IOException e) {
            throw failure.of("cannot parse JSON: " + e.getMessage());
        }
    }

    private static Node node(JsonParser p, Failure failure) throws IOException, TensorFileException {
        Loc at = loc(p);
        JsonToken t = p.currentToken();
        if (t == null) {
            throw failure.at(at.offset(), "unexpected end of JSON at " + at.text());
        }
        return switch (t) {
            case START_OBJECT -> object(p, at, failure);
            case START_ARRAY -> array(p, at, failure);
            case VALUE_NUMBER_INT -> integer(p, at, failure);
            case VALUE_NUMBER_FLOAT -> new Num(p.getDoubleValue(), false, at);
            case VALUE_STRING -> new Str(p.getText(), at);
            case VALUE_TRUE, VALUE_FALSE -> new Bool(t == JsonToken.VALUE_TRUE, at);
            case VALUE_NULL -> new Null(at);
            default -> throw failure.at(at.offset(), "unexpected JSON token " + t + " at " + at.text());
        };
    }

    private static Node object(JsonParser p, Loc at, Failure failure) throws IOException, TensorFileException {
        Map<String, Node> members = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            members.put(name, node(p, failure));
        }
        return new Obj(members, at);
    }

    private static Node array(JsonParser p, Loc at, Failure failure) throws IOException, TensorFileException {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(p, failure));
        }
        return new Arr(items, at);
    }

    private static Node integer(JsonParser p, Loc at, Failure failure) throws IOException, TensorFileException {
        BigInteger v = p.getBigIntegerValue();
        if (v.abs().compareTo(BigInteger.valueOf(ElementFormat.EXACT_LIMIT)) > 0) {
            throw failure.at(at.offset(), "integer " + v + " at " + at.text()
                    + " is beyond ±2^53 and cannot be held exactly");
        }
        return new Num(v.longValue(), true, at);
    }

    private static Loc loc(JsonParser p) {
        return loc(p.currentTokenLocation());
    }

    private static Loc loc(JsonLocation l) {
        long offset = l.getByteOffset() >= 0 ? l.getByteOffset() : l.getCharOffset();
        return new Loc(l.getLineNr(), l.getColumnNr(), offset);
    }
}
