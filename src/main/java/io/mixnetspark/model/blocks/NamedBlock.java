package io.mixnetspark.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code NamedBlock} is a DJL block whose children carry timm's module names ({@code conv_pw},
 * {@code bn1}, {@code se}, {@code 0}, ...). The names let {@code StateDict} build timm parameter
 * keys by walking the tree, without parsing DJL's positional child names.
 *
 * <p>By default the children are initialised and shaped as a chain in the order they were added;
 * blocks whose data flow differs override {@link #initializeChildBlocks} and {@link
 * #getOutputShapes}.
 */
public abstract class NamedBlock extends AbstractBlock {

    private final Map<String, Block> modules = new LinkedHashMap<>();

    /**
     * Adds a child under its timm module name.
     *
     * @param name the timm name, unique within this block
     * @param block the child
     * @param <B> the child type
     * @return the child
     */
    protected final <B extends Block> B module(String name, B block) {
        if (modules.containsKey(name)) {
            throw new IllegalArgumentException("Duplicate module name " + name);
        }
        addChildBlock(name, block);
        modules.put(name, block);
        return block;
    }

    /**
     * Returns the children by timm module name, in the order they were added.
     *
     * @return an unmodifiable view of the children
     */
    public Map<String, Block> modules() {
        return Collections.unmodifiableMap(modules);
    }

    /**
     * Runs one child on one array.
     *
     * @param child the child block
     * @param ps the parameter store
     * @param x the input
     * @param training whether this is a training pass
     * @return the child's single output
     */
    protected static NDArray run(Block child, ParameterStore ps, NDArray x, boolean training) {
        return child.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block child : modules.values()) {
            child.initialize(manager, dataType, shapes);
            shapes = child.getOutputShapes(shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block child : modules.values()) {
            shapes = child.getOutputShapes(shapes);
        }
        return shapes;
    }
}
