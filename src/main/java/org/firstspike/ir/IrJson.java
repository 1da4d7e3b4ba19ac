package org.firstspike.ir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The IR's JSON form (what `compile --emit ir` writes); reading it back gives an equal program. */
public final class IrJson {
    private IrJson() {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static String write(IrProgram ir) {
        try {
            return MAPPER.writeValueAsString(ir) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write IR", e);
        }
    }

    /** Parses IR JSON; a malformed file throws a JsonProcessingException naming line and column. */
    public static IrProgram read(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, IrProgram.class);
    }
}
