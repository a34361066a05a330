package io.mixnetspark.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * {@code RecipeConfig} is a checked recipe: MindCV's defaults, overlaid by a YAML file in MindCV's
 * format ({@code conf/mixnet_s.yaml}), overlaid by command-line overrides ({@code --lr 0.1}), in
 * that order, like MindCV's {@code config.py}.
 *
 * <pre>{@code
 * RecipeConfig recipe = RecipeConfig.load(Path.of("conf/mixnet_s.yaml"))
 *         .withOverrides(Map.of("batch_size", "32"));
 * int epochs = recipe.getInt("epoch_size");
 * }</pre>
 *
 * <p>Every key must be one of {@link RecipeKeys}: an unknown key fails naming it and the closest
 * known key; a value of the wrong type fails naming the key and the expected type. A YAML
 * {@code null} is accepted where MindCV's default is {@code None}. Immutable.
 */
public final class RecipeConfig {

    private final Map<String, Object> values;
    private final Map<String, Object> given;

    private RecipeConfig(Map<String, Object> values, Map<String, Object> given) {
        this.values = Collections.unmodifiableMap(values);
        this.given = Collections.unmodifiableMap(given);
    }

    /**
     * Returns the defaults alone.
     *
     * @return MindCV's defaults and mixnet-spark's
     */
    public static RecipeConfig defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecipeKey k : RecipeKeys.all()) {
            values.put(k.name(), k.defaultValue());
        }
        return new RecipeConfig(values, new LinkedHashMap<>());
    }

    /**
     * Loads a recipe file.
     *
     * @param file a YAML mapping of recipe keys to values
     * @return the defaults overlaid by the file
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and the bad key, type or YAML syntax
     */
    public static RecipeConfig load(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    /**
     * Parses recipe text.
     *
     * @param yaml a YAML mapping of recipe keys to values
     * @param source where the text came from, for messages
     * @return the defaults overlaid by the text
     * @throws IllegalArgumentException naming the source and the bad key, type or YAML syntax
     */
    public static RecipeConfig parse(String yaml, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            return defaults();
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + " must be a mapping of recipe keys to values");
        }
        RecipeConfig out = defaults();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out = out.with(String.valueOf(e.getKey()), e.getValue(), source);
        }
        return out;
    }

    /**
     * Returns this recipe with command-line overrides applied. Values are read as YAML scalars or
     * flow lists ({@code 0.1}, {@code True}, {@code [0.08, 1.0]}); for a string key the text is
     * taken as is.
     *
     * @param overrides key to value text
     * @return the overridden recipe
     * @throws IllegalArgumentException naming an unknown key (and the closest known one) or a value
     *     of the wrong type
     */
    public RecipeConfig withOverrides(Map<String, String> overrides) {
        RecipeConfig out = this;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            RecipeKey key = known(e.getKey(), "the command line");
            Object value = key.type() == KeyType.STRING ? e.getValue() : parseScalar(e.getKey(), e.getValue());
            out = out.with(e.getKey(), value, "the command line");
        }
        return out;
    }

    /**
     * Splits {@code --key value} and {@code --key=value} arguments into overrides.
     *
     * @param args the arguments, e.g. {@code ["--lr", "0.1", "--epoch_size=3"]}
     * @return key to value text, in order
     * @throws IllegalArgumentException for an argument that is not such a pair
     */
    public static Map<String, String> overrideArgs(List<String> args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': recipe overrides are --key value");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                out.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.size()) {
                out.put(arg.substring(2), args.get(++i));
            } else {
                throw new IllegalArgumentException("option '" + arg + "' needs a value");
            }
        }
        return out;
    }

    private static Object parseScalar(String key, String text) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("value of --" + key + " is not readable: '" + text + "'", e);
        }
    }

    private RecipeConfig with(String name, Object raw, String source) {
        RecipeKey key = known(name, source);
        Object value = null;
        if (raw != null) {
            value = key.type().convert(raw);
            if (value == null) {
                throw new IllegalArgumentException("key '" + name + "' in " + source + " must be "
                        + key.type().description() + ", got '" + raw + "'");
            }
            if (!key.allows(value)) {
                throw new IllegalArgumentException("key '" + name + "' in " + source + " must be from " + key.min()
                        + " to " + key.max() + ", got " + value);
            }
        } else if (key.defaultValue() != null) {
            throw new IllegalArgumentException("key '" + name + "' in " + source + " must be "
                    + key.type().description() + ", got null");
        }
        Map<String, Object> values = new LinkedHashMap<>(this.values);
        Map<String, Object> given = new LinkedHashMap<>(this.given);
        values.put(name, value);
        given.put(name, value);
        return new RecipeConfig(values, given);
    }

    private static RecipeKey known(String name, String source) {
        return RecipeKeys.find(name).orElseThrow(() -> new IllegalArgumentException("unknown key '" + name + "' in "
                + source + "; did you mean '" + RecipeKeys.closest(name) + "'?"));
    }

    private Object value(String name, KeyType type) {
        RecipeKey key = RecipeKeys.find(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown recipe key '" + name + "'"));
        if (key.type() != type) {
            throw new IllegalArgumentException("recipe key '" + name + "' is " + key.type().description());
        }
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("recipe key '" + name + "' is not set");
        }
        return v;
    }

    /**
     * Returns a key's value whatever its type ({@link KeyType#convert}'s: Integer, Double, Boolean,
     * String or a list of Doubles), or null when the key has none.
     *
     * @param name the key
     * @return its value
     * @throws IllegalArgumentException when the key is unknown
     */
    public Object get(String name) {
        RecipeKeys.find(name).orElseThrow(() -> new IllegalArgumentException("unknown recipe key '" + name + "'"));
        return values.get(name);
    }

    /**
     * Returns whether the file or the command line gave the key (rather than it keeping MindCV's
     * default).
     *
     * @param name the key
     * @return whether it was given
     */
    public boolean isGiven(String name) {
        return given.containsKey(name);
    }

    /**
     * Returns whether a key has a value (keys whose default is {@code None} may not).
     *
     * @param name the key
     * @return whether it is set
     */
    public boolean isSet(String name) {
        return values.get(name) != null;
    }

    /**
     * Returns an integer key.
     *
     * @param name the key
     * @return its value
     * @throws IllegalArgumentException when the key is unknown, of another type, or unset
     */
    public int getInt(String name) {
        return (Integer) value(name, KeyType.INTEGER);
    }

    /**
     * Returns a number key.
     *
     * @param name the key
     * @return its value
     * @throws IllegalArgumentException when the key is unknown, of another type, or unset
     */
    public double getDouble(String name) {
        return (Double) value(name, KeyType.NUMBER);
    }

    /**
     * Returns a boolean key.
     *
     * @param name the key
     * @return its value
     * @throws IllegalArgumentException when the key is unknown or of another type
     */
    public boolean getBoolean(String name) {
        return (Boolean) value(name, KeyType.BOOLEAN);
    }

    /**
     * Returns a string key.
     *
     * @param name the key
     * @return its value
     * @throws IllegalArgumentException when the key is unknown, of another type, or unset
     */
    public String getString(String name) {
        return (String) value(name, KeyType.STRING);
    }

    /**
     * Returns a number-list key.
     *
     * @param name the key
     * @return its value
     * @throws IllegalArgumentException when the key is unknown or of another type
     */
    @SuppressWarnings("unchecked")
    public List<Double> getNumbers(String name) {
        return (List<Double>) value(name, KeyType.NUMBER_LIST);
    }

    /**
     * Returns the keys the file and the overrides set, as YAML (what a run records as its config).
     *
     * @return the set keys in the order they were given, block style
     */
    public String toYaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        options.setPrettyFlow(false);
        StringBuilder out = new StringBuilder();
        Yaml yaml = new Yaml(options);
        for (Map.Entry<String, Object> e : given.entrySet()) {
            Object v = e.getValue() instanceof List<?> l ? new ArrayList<>(l) : e.getValue();
            out.append(e.getKey()).append(": ").append(yaml.dump(v).strip()).append('\n');
        }
        return out.toString();
    }
}
