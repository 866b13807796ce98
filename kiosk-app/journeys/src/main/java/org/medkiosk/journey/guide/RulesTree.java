package org.medkiosk.journey.guide;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The rules file read into a small tree that remembers the line of every value (Jackson's tree model forgets them),
 * so each problem can name its line. YAML (and therefore JSON, a subset of it) is accepted.
 */
final class RulesTree {
    /** A value and its line: a Map (keys in file order), a List, a String (any scalar) or a Boolean; null for null. */
    record Node(Object value, int line) {
        boolean isMap() {
            return value instanceof Map;
        }

        @SuppressWarnings("unchecked")
        Map<String, Node> map() {
            return (Map<String, Node>) value;
        }

        @SuppressWarnings("unchecked")
        List<Node> list() {
            return (List<Node>) value;
        }

        boolean isList() {
            return value instanceof List;
        }

        boolean isScalar() {
            return value instanceof String || value instanceof Boolean;
        }

        String kind() {
            if (value == null) {
                return "nothing";
            }
            return isMap() ? "a set of keys" : isList() ? "a list" : "'" + value + "'";
        }
    }

    private static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final int MAX_DEPTH = 64;

    private RulesTree() {
    }

    static Node read(byte[] bytes, String source) {
        if (bytes.length > MAX_BYTES) {
            throw new GuideRulesException(source, 0, "the file is larger than " + MAX_BYTES / 1024 / 1024
                    + " MB: it cannot be a rules file", 0);
        }
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(true); // reported by us, with the line
        loader.setMaxAliasesForCollections(20);
        loader.setNestingDepthLimit(MAX_DEPTH);
        loader.setCodePointLimit(MAX_BYTES);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();
        try (JsonParser p = factory.createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new GuideRulesException(source, 0, "the file is empty: it needs ageGroups, regions and symptoms"
                        + " (start from the built-in default-guide-rules.yaml)", 0);
            }
            Node root = node(p, first, source, 0);
            if (p.nextToken() != null) {
                throw new GuideRulesException(source, line(p), "the file holds more than one YAML document ('---'):"
                        + " keep one", 0);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntax(source, e, e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr()),
                    e.getOriginalMessage());
        } catch (java.io.CharConversionException e) {
            throw new GuideRulesException(source, 0, "not UTF-8 text: save the file as UTF-8 ("
                    + firstLine(e.getMessage()) + ")", 0);
        } catch (IOException e) {
            throw new GuideRulesException(source, 0, "cannot be read: " + firstLine(e.getMessage()), 0);
        } catch (GuideRulesException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // SnakeYAML's own errors that Jackson does not wrap (a limit, a malformed escape…)
            throw syntax(source, e, 0, String.valueOf(e.getMessage()));
        }
    }

    /** A syntax error, worded by SnakeYAML where it says more (what it expected, and where) than Jackson's wrapper. */
    private static GuideRulesException syntax(String source, Throwable e, int line, String message) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.io.CharConversionException) {
                return new GuideRulesException(source, 0, "not UTF-8 text: save the file as UTF-8 ("
                        + firstLine(c.getMessage()) + ")", 0);
            }
            if (c instanceof MarkedYAMLException m && m.getProblem() != null) {
                int at = m.getProblemMark() != null ? m.getProblemMark().getLine() + 1 : line;
                String context = m.getContext() == null ? "" : firstLine(m.getContext()) + ": ";
                return new GuideRulesException(source, at, "not valid YAML: " + context + firstLine(m.getProblem())
                        + " (check indentation, quotes around texts with ': ' or ', ', and closing brackets)", 0);
            }
        }
        return new GuideRulesException(source, line, "not valid YAML: " + firstLine(message), 0);
    }

    private static Node node(JsonParser p, JsonToken t, String source, int depth) throws IOException {
        int line = line(p);
        if (depth > MAX_DEPTH) {
            throw new GuideRulesException(source, line, "nested too deeply", 0);
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> map = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    if (k != JsonToken.FIELD_NAME) {
                        throw new GuideRulesException(source, line(p), "not valid YAML: a key was expected", 0);
                    }
                    String name = p.currentName();
                    int keyLine = line(p);
                    Node value = node(p, p.nextToken(), source, depth + 1);
                    if (map.containsKey(name)) {
                        throw new GuideRulesException(source, keyLine, "the key '" + shorten(name)
                                + "' is written twice here (first on line " + map.get(name).line() + ")", 0);
                    }
                    map.put(name, value);
                }
                return new Node(map, line);
            }
            case START_ARRAY -> {
                List<Node> list = new ArrayList<>();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    list.add(node(p, v, source, depth + 1));
                }
                return new Node(list, line);
            }
            case VALUE_TRUE -> {
                return new Node(Boolean.TRUE, line);
            }
            case VALUE_FALSE -> {
                return new Node(Boolean.FALSE, line);
            }
            case VALUE_NULL -> {
                return new Node(null, line);
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node(p.getText(), line);
            }
            default -> throw new GuideRulesException(source, line, "not valid YAML: unexpected " + t, 0);
        }
    }

    private static int line(JsonParser p) {
        var where = p.currentTokenLocation();
        return where == null ? 0 : Math.max(0, where.getLineNr());
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String first = s.strip().lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }

    static String shorten(String s) {
        String one = GuideRulesException.oneLine(s);
        return one.length() > 60 ? one.substring(0, 60) + "…" : one;
    }
}
