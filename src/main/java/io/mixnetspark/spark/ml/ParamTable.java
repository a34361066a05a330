package io.mixnetspark.spark.ml;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * {@code ParamTable} holds the params one stage has made through {@link DeclaredParams#declare},
 * by name, so that each param method returns the same object every time. The stage makes all of
 * them in its constructor ({@link #declareAll}); afterwards the table is only read.
 */
public final class ParamTable implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Param<?>> params = new HashMap<>();

    /** Creates an empty table; a stage creates one in its constructor. */
    ParamTable() {}

    /**
     * Makes every param a stage declares, with its default, through Spark's discovery of its param
     * methods ({@code Params.params}).
     *
     * @param owner the stage, its uid known and this table already returned by its {@code
     *     paramTable()}
     */
    static void declareAll(DeclaredParams owner) {
        owner.params();
    }

    @SuppressWarnings("unchecked")
    <P extends Param<?>> P get(Params owner, String name, BiFunction<Params, String, P> make, Object defaultValue) {
        Param<?> known = params.get(name);
        if (known != null) {
            return (P) known;
        }
        P made = make.apply(owner, name);
        if (defaultValue != null) {
            owner.setDefault((Param<Object>) made, defaultValue);
        }
        params.put(name, made);
        return made;
    }
}
