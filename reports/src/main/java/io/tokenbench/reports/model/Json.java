package io.tokenbench.reports.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Strict accessors for JSON trees read at the edge (run.json, summary.json): every failure names
 * the field. Shared by the codecs of this module.
 */
public final class Json {

    /** One mapper for the module: pretty output, ordered as built. */
    public static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Json() {}

    public static JsonNode field(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n == null || n.isMissingNode()) {
            throw new IllegalArgumentException("missing field '" + name + "'");
        }
        return n;
    }

    public static JsonNode object(JsonNode parent, String name) {
        JsonNode n = field(parent, name);
        if (!n.isObject()) {
            throw new IllegalArgumentException("field '" + name + "' must be an object");
        }
        return n;
    }

    public static String text(JsonNode parent, String name) {
        JsonNode n = field(parent, name);
        if (!n.isTextual()) {
            throw new IllegalArgumentException("field '" + name + "' must be a string");
        }
        return n.asText();
    }

    public static long integer(JsonNode parent, String name) {
        JsonNode n = field(parent, name);
        if (!n.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + name + "' must be an integer");
        }
        return n.asLong();
    }

    public static double number(JsonNode parent, String name) {
        JsonNode n = field(parent, name);
        if (!n.isNumber()) {
            throw new IllegalArgumentException("field '" + name + "' must be a number");
        }
        return n.asDouble();
    }

    /** A number or JSON null (as NaN). */
    public static double numberOrNull(JsonNode parent, String name) {
        JsonNode n = field(parent, name);
        return n.isNull() ? Double.NaN : number(parent, name);
    }

    /** Writes a decimal with at most 6 decimals, trailing zeros stripped; NaN as null. */
    public static void putDecimal(ObjectNode node, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(name);
        } else {
            node.put(name, decimal(value));
        }
    }

    public static BigDecimal decimal(double value) {
        BigDecimal d =
                BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** Pretty JSON text with a final newline. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
