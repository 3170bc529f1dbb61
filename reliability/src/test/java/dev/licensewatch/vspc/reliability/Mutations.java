package dev.licensewatch.vspc.reliability;

import dev.licensewatch.vspc.emulator.Dataset;
import dev.licensewatch.vspc.emulator.VspcEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Realistic page bodies from the emulator, a small JSON tree model, and the body mutations. */
final class Mutations {
  /** Page bodies (5 licences each, one with every property) served by the emulator. */
  static final List<byte[]> BASES = loadBases();

  static final String[] KINDS = {
    "truncate", "wrong-type", "huge-number", "deep-nesting", "long-string", "invalid-utf8",
    "duplicate-key", "non-json", "empty", "content-type", "byte-flips", "delete-range",
    "insert-tokens", "remove-property", "unknown-properties", "null-property", "status"
  };

  /** Values of every JSON type, one of which is wrong wherever it is put. */
  static final Object[] WRONG = {
    null,
    Boolean.TRUE,
    0L,
    -1L,
    new Raw("2147483648"),
    new Raw("1.5"),
    "",
    "x",
    "2026-13-45T25:61:00Z",
    new ArrayList<>(),
    new LinkedHashMap<>(),
    new ArrayList<>(List.of(1L, "a")),
    new Raw("-1e308")
  };

  /** A literal written as is. */
  record Raw(String text) {}

  private Mutations() {}

  private static List<byte[]> loadBases() {
    List<byte[]> bases = new ArrayList<>();
    try (VspcEmulator vspc =
        VspcEmulator.builder()
            .licenses(15)
            .seed(3)
            .token(Secrets.TOKEN)
            .unknownEnumShare(0.2)
            .start()) {
      for (int offset = 0; offset < 15; offset += 5) {
        bases.add(Support.rawPage(vspc, 5, offset));
      }
      vspc.reset(Dataset.licenseWithEveryProperty());
      bases.add(Support.rawPage(vspc, 5, 0));
      vspc.reset(Dataset.licenseWithNullablesNull());
      bases.add(Support.rawPage(vspc, 5, 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Each base is served as the first page (offset 0) of a walk: say so in its pagingInfo.
    List<byte[]> first = new ArrayList<>();
    for (byte[] b : bases) {
      String text =
          new String(b, StandardCharsets.UTF_8).replaceFirst("\"offset\":\\d+", "\"offset\":0");
      first.add(text.getBytes(StandardCharsets.UTF_8));
    }
    return first;
  }

  static Object parse(byte[] json) {
    try {
      return Support.MOSHI.adapter(Object.class).fromJson(new String(json, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Moshi reads numbers as doubles; integral ones are written back as integers. */
  static void write(Object v, StringBuilder out) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Raw raw) {
      out.append(raw.text());
    } else if (v instanceof String s) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      out.append('"');
    } else if (v instanceof Double d) {
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        out.append(d.longValue());
      } else {
        out.append(d);
      }
    } else if (v instanceof Number || v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof Map<?, ?> m) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(String.valueOf(e.getKey()), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (v instanceof List<?> l) {
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(l.get(i), out);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException(v.getClass().toString());
    }
  }

  static byte[] bytes(Object tree) {
    StringBuilder out = new StringBuilder();
    write(tree, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A place in the tree: the container and the key (String for objects, Integer for arrays). */
  record Slot(Object container, Object key) {
    @SuppressWarnings("unchecked")
    void set(Object value) {
      if (container instanceof Map<?, ?> m) {
        ((Map<Object, Object>) m).put(key, value);
      } else {
        ((List<Object>) container).set((Integer) key, value);
      }
    }

    Object get() {
      return container instanceof Map<?, ?> m
          ? m.get(key)
          : ((List<?>) container).get((Integer) key);
    }

    @SuppressWarnings("unchecked")
    void remove() {
      if (container instanceof Map<?, ?> m) {
        m.remove(key);
      } else {
        ((List<Object>) container).remove((int) (Integer) key);
      }
    }
  }

  static List<Slot> slots(Object tree) {
    List<Slot> slots = new ArrayList<>();
    collect(tree, slots);
    return slots;
  }

  private static void collect(Object node, List<Slot> slots) {
    if (node instanceof Map<?, ?> m) {
      for (Object k : new ArrayList<>(m.keySet())) {
        slots.add(new Slot(m, k));
        collect(m.get(k), slots);
      }
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        slots.add(new Slot(l, i));
        collect(l.get(i), slots);
      }
    }
  }

  static String deep(int depth, boolean arrays) {
    StringBuilder s = new StringBuilder(depth * 6);
    for (int i = 0; i < depth; i++) {
      s.append(arrays ? "[" : "{\"a\":");
    }
    s.append("1");
    for (int i = 0; i < depth; i++) {
      s.append(arrays ? "]" : "}");
    }
    return s.toString();
  }

  static String longString(SplittableRandom r, int length) {
    StringBuilder s = new StringBuilder(length + 2);
    String alphabet = "abcXYZ019 -_\u00e9\u00fc\u4e2d\ud83d\ude00\\\"\n\t\u0000";
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** A mutated body: bytes, Content-Type and HTTP status. */
  record Body(byte[] bytes, String contentType, int status, boolean wellFormedLicensesKnown) {}

  /** A value at the edge of what a parser takes: a huge number, deep nesting, a long string. */
  private static Object extreme(String kind, SplittableRandom r) {
    if (kind.equals("huge-number")) {
      String[] huge = {
        "1e999999",
        "123456789012345678901234567890",
        "-9223372036854775809",
        "1E+400",
        "0.00000000000000000000000001",
        "-0",
        "4294967296",
        "9007199254740993"
      };
      return new Raw(huge[r.nextInt(huge.length)]);
    } else if (kind.equals("deep-nesting")) {
      return new Raw(deep(r.nextInt(20, 4_000), r.nextBoolean()));
    }
    return longString(r, r.nextInt(1_000, 120_000));
  }

  static Body mutate(byte[] base, String kind, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String json = FuzzHarness.JSON;
    switch (kind) {
      case "truncate":
        return new Body(java.util.Arrays.copyOf(base, r.nextInt(base.length)), json, 200, false);
      case "wrong-type":
      case "null-property":
      case "remove-property":
      case "unknown-properties":
      case "huge-number":
      case "deep-nesting":
      case "long-string":
        {
          Object tree = parse(base);
          List<Slot> slots = slots(tree);
          Slot slot = slots.get(r.nextInt(slots.size()));
          if (kind.equals("wrong-type")) {
            Object wrong = WRONG[r.nextInt(WRONG.length)];
            slot.set(
                wrong instanceof List<?> l
                    ? new ArrayList<>(l)
                    : wrong instanceof Map<?, ?> ? new LinkedHashMap<>() : wrong);
          } else if (kind.equals("null-property")) {
            slot.set(null);
          } else if (kind.equals("remove-property")) {
            slot.remove();
          } else if (kind.equals("unknown-properties")) {
            // Unknown members in every object: a newer server. Must be accepted in both modes.
            for (Slot s : slots) {
              if (s.get() instanceof Map<?, ?> m && r.nextBoolean()) {
                @SuppressWarnings("unchecked")
                Map<Object, Object> mm = (Map<Object, Object>) m;
                mm.put(
                    "futureProperty" + r.nextInt(100), r.nextBoolean() ? "v" : new ArrayList<>());
              }
            }
            @SuppressWarnings("unchecked")
            Map<Object, Object> root = (Map<Object, Object>) tree;
            root.put("links", new LinkedHashMap<>(Map.of("next", "x")));
          } else {
            slot.set(extreme(kind, r));
            return new Body(bytes(tree), json, 200, false);
          }
          return new Body(bytes(tree), json, 200, true);
        }
      case "invalid-utf8":
        {
          byte[][] bad = {
            {(byte) 0xC3, 0x28},
            {(byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE2, (byte) 0x82}
          };
          byte[] ins = bad[r.nextInt(bad.length)];
          // Inside a string value when possible: after an opening quote of a value.
          String text = new String(base, StandardCharsets.ISO_8859_1);
          int at = text.indexOf(":\"", r.nextInt(base.length));
          at = at < 0 ? r.nextInt(base.length) : at + 2;
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.write(base, 0, at);
          out.writeBytes(ins);
          out.write(base, at, base.length - at);
          return new Body(out.toByteArray(), json, 200, false);
        }
      case "duplicate-key":
        {
          String text = new String(base, StandardCharsets.UTF_8);
          int at = text.indexOf("{\"", r.nextInt(text.length()));
          if (at < 0) {
            at = text.indexOf("{\"");
          }
          String[] dup = {
            "\"backupServerUid\":\"00000000-0000-0000-0000-000000000001\",",
            "\"meta\":{\"pagingInfo\":{\"total\":1}},",
            "\"data\":[],",
            "\"status\":\"Valid\",",
            "\"usedUnits\":-1,"
          };
          String body =
              text.substring(0, at + 1) + dup[r.nextInt(dup.length)] + text.substring(at + 1);
          return new Body(body.getBytes(StandardCharsets.UTF_8), json, 200, false);
        }
      case "non-json":
        {
          String[] junk = {
            "<html><body>Bad Gateway</body></html>",
            "OK",
            "null",
            "true",
            "123",
            "\"string\"",
            "[]",
            "{}",
            "<?xml version=\"1.0\"?><a/>",
            "{'data':[]}",
            "{\"data\":[],}",
            "[1,2,",
            "\u0000\u0001\u0002",
            "{\"data\":null}",
            "{\"data\":{}}",
            "{\"meta\":[]}",
            "NaN",
            "{\"data\":[null]}",
            "{\"data\":[1,2,3]}",
            " \n\t "
          };
          return new Body(
              junk[r.nextInt(junk.length)].getBytes(StandardCharsets.UTF_8), json, 200, false);
        }
      case "empty":
        return new Body(new byte[0], r.nextBoolean() ? json : null, 200, false);
      case "content-type":
        {
          String[] types = {
            "text/html",
            "text/plain; charset=utf-8",
            "application/xml",
            null,
            "application/json; charset=utf-16",
            "application/problem+json",
            "application/octet-stream",
            "APPLICATION/JSON",
            "application/vnd.api+json"
          };
          return new Body(base, types[r.nextInt(types.length)], 200, false);
        }
      case "byte-flips":
        {
          byte[] b = base.clone();
          int flips = r.nextInt(1, 6);
          for (int i = 0; i < flips; i++) {
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
          }
          return new Body(b, json, 200, false);
        }
      case "delete-range":
        {
          int from = r.nextInt(base.length);
          int to = Math.min(base.length, from + r.nextInt(1, 200));
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.write(base, 0, from);
          out.write(base, to, base.length - to);
          return new Body(out.toByteArray(), json, 200, false);
        }
      case "insert-tokens":
        {
          String[] tokens = {
            "{", "}", "[", "]", ",", ":", "\"", "null", "1", "\\", "\"a\":", "true"
          };
          String text = new String(base, StandardCharsets.UTF_8);
          int at = r.nextInt(text.length());
          String body =
              text.substring(0, at) + tokens[r.nextInt(tokens.length)] + text.substring(at);
          return new Body(body.getBytes(StandardCharsets.UTF_8), json, 200, false);
        }
      case "status":
        {
          int[] codes = {
            201, 202, 204, 206, 301, 302, 304, 400, 401, 403, 404, 405, 408, 409, 410, 413, 418,
            422, 429, 500, 501, 502, 503, 504, 520, 599
          };
          byte[] b = r.nextBoolean() ? base : mutate(base, "truncate", seed + 1).bytes();
          return new Body(b, json, codes[r.nextInt(codes.length)], false);
        }
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  /** The licence objects of a body that are byte-for-byte ones of the base page, by uid. */
  @SuppressWarnings("unchecked")
  static List<String> untouchedLicenses(byte[] base, byte[] mutated) {
    Object b = parse(base);
    Object m = parse(mutated);
    if (!(b instanceof Map<?, ?> bm)
        || !(m instanceof Map<?, ?> mm)
        || !(bm.get("data") instanceof List<?> bl)
        || !(mm.get("data") instanceof List<?> ml)) {
      return List.of();
    }
    List<String> uids = new ArrayList<>();
    for (Object license : ml) {
      if (bl.contains(license)
          && license instanceof Map<?, ?> lm
          && lm.get("backupServerUid") != null) {
        uids.add(String.valueOf(lm.get("backupServerUid")));
      }
    }
    return uids;
  }
}
