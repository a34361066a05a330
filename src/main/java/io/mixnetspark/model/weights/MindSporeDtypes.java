package io.mixnetspark.model.weights;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code MindSporeDtypes} translates between MindSpore's {@code tensor_type} strings (spec section
 * 4.3: {@code str(param.dtype)}, e.g. {@code Float32}) and the safetensors dtype names used by
 * {@link RawTensor}. Names outside the table pass through unchanged in both directions.
 */
final class MindSporeDtypes {

    private static final Map<String, String> TO_SAFETENSORS = new HashMap<>();
    private static final Map<String, String> TO_MINDSPORE = new HashMap<>();

    static {
        pair("Float64", "F64");
        pair("Float32", "F32");
        pair("Float16", "F16");
        pair("BFloat16", "BF16");
        pair("Int64", "I64");
        pair("Int32", "I32");
        pair("Int16", "I16");
        pair("Int8", "I8");
        pair("UInt64", "U64");
        pair("UInt32", "U32");
        pair("UInt16", "U16");
        pair("UInt8", "U8");
        pair("Bool", "BOOL");
    }

    private MindSporeDtypes() {}

    private static void pair(String mindSpore, String safetensors) {
        TO_SAFETENSORS.put(mindSpore, safetensors);
        TO_MINDSPORE.put(safetensors, mindSpore);
    }

    /** Returns the safetensors name of a MindSpore dtype, or the name itself when unknown. */
    static String toSafetensors(String mindSporeName) {
        return TO_SAFETENSORS.getOrDefault(mindSporeName, mindSporeName);
    }

    /** Returns the MindSpore name of a safetensors dtype, or the name itself when unknown. */
    static String toMindSpore(String safetensorsName) {
        return TO_MINDSPORE.getOrDefault(safetensorsName, safetensorsName);
    }
}
