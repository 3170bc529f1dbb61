package dev.licensewatch.vspc.matrix.programs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What every JVM program shares. Round trip: the cases file has one line per corpus body, {@code
 * schema TAB input TAB output}; a program decodes the input with the generated model of that schema
 * and writes it back with the generated serializer to the output, or writes what went wrong to
 * output + ".error". Requests ({@code request BASE_URL OUT}): the program builds the same filter,
 * sort and select with the generated models, serializes them with the generated serializer, sends
 * them with the generated API and decodes the answers (see {@link #requests}). The programs in
 * other languages follow the same contract.
 */
public final class Cases {

  /** Decodes a body with one generated model and encodes it again. */
  @FunctionalInterface
  public interface RoundTrip {
    String apply(String schema, String json) throws Exception;
  }

  private Cases() {}

  public static void run(Path casesFile, RoundTrip roundTrip) throws IOException {
    for (String line : Files.readAllLines(casesFile, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t");
      Path input = Path.of(fields[1]);
      Path output = Path.of(fields[2]);
      try {
        String json = roundTrip.apply(fields[0], Files.readString(input, StandardCharsets.UTF_8));
        Files.writeString(output, json, StandardCharsets.UTF_8);
      } catch (Exception | LinkageError e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        Files.writeString(Path.of(output + ".error"), trace.toString(), StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * One call of the generated operation with limit, offset, and filter, sort and select as JSON
   * text (null: not sent); returns how many licences the decoded page held.
   */
  @FunctionalInterface
  public interface Fetch {
    int licences(Integer limit, Integer offset, String filter, String sort, String select)
        throws Exception;
  }

  /** The generator's own serializer, from a value to JSON text. */
  @FunctionalInterface
  public interface Serializer {
    String json(Object value) throws Exception;
  }

  /**
   * The request check every program shares: the {@link #query} of {@code modelPackage}'s models,
   * written with the generator's serializer and sent with its API through {@code fetch}. One line
   * per call goes to {@code out}: {@code name TAB ok TAB count}, or {@code name TAB error TAB what
   * went wrong (one line)}. What the calls sent is recorded by the server the test runs, not here.
   */
  public static void requests(Path out, String modelPackage, Serializer serializer, Fetch fetch)
      throws Exception {
    Query query = query(modelPackage);
    Map<String, Callable<Integer>> calls = new LinkedHashMap<>();
    calls.put(
        "filtered",
        () ->
            fetch.licences(
                2,
                0,
                serializer.json(query.filter()),
                serializer.json(query.sort()),
                serializer.json(query.select())));
    calls.put(
        "selectedWithoutRequired",
        () ->
            fetch.licences(null, null, null, null, serializer.json(query.select().subList(0, 2))));
    requests(out, calls);
  }

  /**
   * The same check for a program that builds its own calls (the Kotlin one: its models are data
   * classes without fluent setters): {@code calls} maps a call's name to the call, which returns
   * how many licences the decoded page held.
   */
  public static void requests(Path out, Map<String, Callable<Integer>> calls) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (Map.Entry<String, Callable<Integer>> call : calls.entrySet()) {
      try {
        lines.append(call.getKey()).append("\tok\t").append(call.getValue().call()).append('\n');
      } catch (Exception | LinkageError e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        lines
            .append(call.getKey())
            .append("\terror\t")
            .append(e.getClass().getSimpleName())
            .append(": ")
            .append(message)
            .append('\n');
      }
    }
    Files.writeString(out, lines, StandardCharsets.UTF_8);
  }

  /** The value the filters compare {@code company} with: characters a query must escape. */
  public static final String COMPANY = "B\u00e4ckerei & S\u00f6hne+Co #1";

  /** The filter, sort and select every program sends, as lists of generated models. */
  public record Query(List<Object> filter, List<Object> sort, List<Object> select) {}

  /**
   * The query of the request check (the same in every language; RequestCheck compares what arrives
   * with the JSON text the document asks for), built with the generated models of {@code
   * modelPackage} through their fluent setters. Both Java generators name the models
   * (FilterExpression, SortExpression, SelectExpression and their enums) and setters alike, so one
   * builder serves both; a generator that named them otherwise would fail the program.
   */
  public static Query query(String modelPackage) throws ReflectiveOperationException {
    Models m = new Models(modelPackage);
    List<Object> filter =
        List.of(
            m.compare("status", "equals", "ignorecase", "Expired"),
            m.group(
                "or",
                List.of(
                    m.compare(
                        "expirationDate", "lessThan", null, "2027-01-01T00:00:00.0000000+00:00"),
                    m.compare("company", "contains", "ignorecase", COMPANY),
                    m.compare("packages", "in", null, List.of("Backup", "ONE")))));
    List<Object> sort =
        List.of(
            m.sort("expirationDate", "descending", null),
            m.sort("company", "ascending", "ignorecase"));
    List<Object> select =
        List.of(m.select("company"), m.select("expirationDate"), m.select("autoUpdateEnabled"));
    return new Query(filter, sort, select);
  }

  /** Generated models by name: a new instance, then one fluent setter call per property. */
  private record Models(String modelPackage) {
    /** A comparison; a null collation is left out, as a team writing the request would. */
    Object compare(String property, String operation, String collation, Object value)
        throws ReflectiveOperationException {
      return make(
          "FilterExpression",
          "property",
          property,
          "operation",
          operation,
          "collation",
          collation,
          "value",
          value);
    }

    Object group(String operation, List<Object> items) throws ReflectiveOperationException {
      return make("FilterExpression", "operation", operation, "items", items);
    }

    Object sort(String property, String direction, String collation)
        throws ReflectiveOperationException {
      return make(
          "SortExpression", "property", property, "direction", direction, "collation", collation);
    }

    Object select(String propertyPath) throws ReflectiveOperationException {
      return make("SelectExpression", "propertyPath", propertyPath);
    }

    /** {@code properties}: name, value, name, value...; a null value is not set. */
    private Object make(String model, Object... properties) throws ReflectiveOperationException {
      Class<?> type = Class.forName(modelPackage + "." + model);
      Object instance = type.getConstructor().newInstance();
      for (int i = 0; i < properties.length; i += 2) {
        String name = (String) properties[i];
        Object value = properties[i + 1];
        if (value == null) {
          continue;
        }
        Method setter =
            Arrays.stream(type.getMethods())
                .filter(
                    method ->
                        method.getName().equals(name)
                            && method.getParameterCount() == 1
                            && method.getReturnType() == type)
                .findFirst()
                .orElseThrow(() -> new NoSuchMethodException(model + "." + name));
        Class<?> parameter = setter.getParameterTypes()[0];
        if (parameter.isEnum()) {
          // The generated enums are looked up by their wire value.
          value = parameter.getMethod("fromValue", String.class).invoke(null, value);
        }
        setter.invoke(instance, value);
      }
      return instance;
    }
  }

  public static IllegalArgumentException unknownSchema(String schema) {
    return new IllegalArgumentException("no round trip for schema " + schema);
  }
}
