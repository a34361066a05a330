package io.mixnetspark.spark.ml;

import java.util.function.BiFunction;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * {@code DeclaredParams} lets Java interfaces declare Spark ML params as Spark's shared-param
 * traits ({@code HasInputCol}, ...) do in Scala, where a trait's {@code val} gives every stage its
 * own param object. A Java interface has no fields, so each param interface ({@link HasInputCol},
 * {@link MixNetModelParams}, ...) declares a param once, as a default method that asks {@link
 * #declare} for it by name: the first call makes the param (owned by this stage, so keyed by its
 * uid and the name) and sets its default, and every later call returns that same object from the
 * stage's {@link ParamTable}.
 *
 * <p>A stage implementing these interfaces holds one {@link ParamTable}, returns it from {@link
 * #paramTable()}, and calls {@link ParamTable#declareAll} in its constructor once its uid is known,
 * so every default is in place before anything reads, copies or saves the params. Setters stay on
 * the stages, as Spark's do, so that they return the stage's own type.
 */
public interface DeclaredParams extends Params {

    /**
     * Returns the table of this stage's params, which the param interfaces read; not for callers.
     *
     * @return the table the stage made in its constructor
     */
    ParamTable paramTable();

    /**
     * Returns this stage's param of a name, made the first time with its default.
     *
     * @param name the param's name, as saved in a stage's metadata
     * @param make makes the param from its owner and name (with its doc and validator)
     * @param defaultValue the default (boxed), or null for none
     * @param <P> the param's type
     * @return the param, the same object on every call
     */
    default <P extends Param<?>> P declare(String name, BiFunction<Params, String, P> make, Object defaultValue) {
        return paramTable().get(this, name, make, defaultValue);
    }
}
