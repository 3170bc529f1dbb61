package dev.licensewatch.vspc.emulator;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Makes synthetic licences. Licence {@code i} depends only on (seed, i, today, casing, unknown
 * share), never on how many licences there are, so drift can add licences that look like the rest
 * and a dataset of 10 is a prefix of a dataset of 100 with the same seed.
 */
final class LicenseGenerator {

  /** What the generator needs to know of a property besides its name. */
  private enum Trait {
    PLAIN,
    /** The document lets it be null. */
    NULLABLE,
    /** A list of plain values. */
    LIST,
    /** One extensible-enum value, cased as the server's version cases it. */
    ENUM,
    /** A list of extensible-enum values. */
    ENUM_LIST
  }

  private record Property(String name, Trait trait) {}

  /** Every property once, in the order real servers send them. */
  private static final List<Property> TABLE =
      List.of(
          new Property("backupServerUid", Trait.PLAIN),
          new Property("autoUpdateEnabled", Trait.PLAIN),
          new Property("edition", Trait.NULLABLE),
          new Property("monitoring", Trait.NULLABLE),
          new Property("packages", Trait.ENUM_LIST),
          new Property("company", Trait.PLAIN),
          new Property("email", Trait.PLAIN),
          new Property("contactPerson", Trait.PLAIN),
          new Property("expirationDate", Trait.NULLABLE),
          new Property("supportExpirationDate", Trait.NULLABLE),
          new Property("licenseIds", Trait.LIST),
          new Property("supportIds", Trait.LIST),
          new Property("sectionTypes", Trait.ENUM_LIST),
          new Property("status", Trait.ENUM),
          new Property("cloudConnect", Trait.ENUM),
          new Property("sockets", Trait.NULLABLE),
          new Property("usedSockets", Trait.NULLABLE),
          new Property("capacity", Trait.NULLABLE),
          new Property("usedCapacity", Trait.NULLABLE),
          new Property("units", Trait.PLAIN),
          new Property("usedUnits", Trait.PLAIN),
          new Property("unitType", Trait.ENUM),
          new Property("type", Trait.ENUM));

  /** Property names in the order real servers send them. */
  static final List<String> PROPERTIES = TABLE.stream().map(Property::name).toList();

  /** The only properties the document allows to be null. */
  static final List<String> NULLABLE = named(Trait.NULLABLE);

  /** Properties holding one enum value, and those holding a list of them. */
  static final List<String> ENUM_PROPERTIES = named(Trait.ENUM);

  static final List<String> ENUM_LIST_PROPERTIES = named(Trait.ENUM_LIST);

  /** Every list property, of enum values or plain ones. */
  static final List<String> LISTS = named(Trait.LIST, Trait.ENUM_LIST);

  private static final String[] COMPANY_FIRST = {
    "Alder", "Birchwood", "Cobalt", "Drumlin", "Ember", "Fjordline", "Granite", "Harborview",
    "Iris", "Juniper", "Kestrel", "Lumen", "Meridian", "Northgate", "Orchard", "Pinecrest",
    "Quarry", "Riverside", "Summit", "Tidewater", "Upland", "Vantage", "Willow", "Yarrow",
    "Zephyr", "Bäckerei Sonnenschein", "Nørre", "Óbidos"
  };
  private static final String[] COMPANY_SECOND = {
    "Logistics", "Health", "Legal", "Manufacturing", "Dental", "Credit Union", "Foods",
    "Engineering", "Media", "Retail", "Energy", "School District", "Insurance", "Architects",
    "Labs", "Hotels", "Shipping", "Clinics"
  };
  private static final String[] COMPANY_SUFFIX = {
    "Ltd", "Inc.", "GmbH", "LLC", "S.A.", "", "B.V.", "Pty Ltd", "AB", "K.K.", "S.r.l.", "plc"
  };
  private static final String[] FIRST_NAMES = {
    "Alan", "Bill", "Chloe", "Dmitri", "Elena", "Farah", "Gustav", "Hiro", "Ingrid", "Jamal",
    "Kasia", "Liam", "Mei", "Nils", "Olu", "Priya", "Quentin", "Rosa", "Sven", "Tomás", "Uma",
    "Victor", "Wanjiru", "Xavier", "Yusuf", "Zoë", "José", "Łukasz"
  };
  private static final String[] LAST_NAMES = {
    "Smith",
    "Johns",
    "Okafor",
    "Ivanova",
    "Schmidt",
    "Tanaka",
    "Haddad",
    "Larsen",
    "Novak",
    "García",
    "O'Brien",
    "Nguyen",
    "Kowalski",
    "Rossi",
    "Dubois",
    "Müller",
    "Andersson",
    "Patel",
    "Costa",
    "Fischer",
    "Kim",
    "Silva",
    "Núñez",
    "Van der Berg"
  };
  private static final String[] TLDS = {"example", "example.com", "example.org", "example.net"};
  private static final ZoneOffset[] OFFSETS = {
    ZoneOffset.ofHours(-8),
    ZoneOffset.ofHours(-7),
    ZoneOffset.ofHours(-5),
    ZoneOffset.ofHours(-4),
    ZoneOffset.UTC,
    ZoneOffset.ofHours(1),
    ZoneOffset.ofHours(2),
    ZoneOffset.ofHours(3),
    ZoneOffset.ofHoursMinutes(5, 30),
    ZoneOffset.ofHours(8),
    ZoneOffset.ofHours(10)
  };
  private static final double[] INSTANCE_UNITS = {10, 25, 50, 100, 200, 500, 1000, 2500};
  private static final double[] POINT_UNITS = {100, 500, 1000, 5000, 10000};

  private final long seed;
  private final LocalDate today;
  private final EnumCasing casing;
  private final double unknownShare;

  /** Never leave properties out (see {@link Dataset#withEveryPropertyPresent()}). */
  private final boolean complete;

  LicenseGenerator(
      long seed, LocalDate today, EnumCasing casing, double unknownShare, boolean complete) {
    this.complete = complete;
    this.seed = seed;
    this.today = today;
    this.casing = casing;
    this.unknownShare = unknownShare;
  }

  /**
   * The {@code index}-th licence as an ordered property map (values: String, Boolean, Double, List
   * of String, or null).
   */
  Map<String, @Nullable Object> license(long index) {
    SplittableRandom r = new SplittableRandom(mix(seed ^ mix(index + 0x5DEECE66DL)));
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    String uid = serverUid(index);
    boolean autoUpdate = r.nextInt(100) < 60;
    if (r.nextInt(100) < 2 && !complete) {
      // Some servers report a licence they could not read: only the required property.
      m.put("autoUpdateEnabled", autoUpdate);
      return m;
    }

    String type =
        pick(
            r,
            new String[] {
              "Rental",
              "Subscription",
              "Perpetual",
              "NFR",
              "Evaluation",
              "Community",
              "Unknown",
              "NotInstalled"
            },
            new int[] {34, 24, 16, 6, 8, 9, 2, 1});
    String edition =
        type.equals("Community")
            ? "Community"
            : pick(
                r,
                new String[] {"Enterprise Plus", "Enterprise", "Standard", null},
                new int[] {38, 26, 26, 10});
    ZoneOffset offset = OFFSETS[r.nextInt(OFFSETS.length)];
    int hour = r.nextInt(24);

    // Expiry and status go together, as on a real server.
    Integer expiryDays;
    String status;
    switch (type) {
      case "Perpetual", "NotInstalled", "Unknown" -> {
        expiryDays = null;
        status =
            pick(
                r,
                new String[] {"Valid", "Warning", "Error", "Unlicensed", "Unknown"},
                new int[] {80, 8, 5, 5, 2});
      }
      case "Community" -> {
        expiryDays = r.nextBoolean() ? null : r.nextInt(30, 366);
        status = "Valid";
      }
      case "Evaluation" -> {
        expiryDays = r.nextInt(-30, 31);
        status = statusFor(expiryDays);
      }
      default -> {
        int bucket = r.nextInt(100);
        expiryDays =
            bucket < 10 ? r.nextInt(-240, 0) : bucket < 25 ? r.nextInt(0, 31) : r.nextInt(31, 1100);
        status = statusFor(expiryDays);
        int odd = r.nextInt(100);
        if (odd < 3) {
          status = "Error";
        } else if (odd < 6) {
          status = "Unlicensed";
        }
      }
    }
    Integer supportDays =
        switch (type) {
          case "Community", "Evaluation", "NotInstalled" -> null;
          case "Perpetual" -> r.nextInt(-200, 900);
          default -> expiryDays == null || r.nextInt(10) == 0 ? null : expiryDays;
        };

    boolean points = !type.equals("Community") && r.nextInt(100) < (type.equals("Rental") ? 35 : 8);
    double units =
        type.equals("Community")
            ? 10
            : points
                ? POINT_UNITS[r.nextInt(POINT_UNITS.length)]
                : INSTANCE_UNITS[r.nextInt(INSTANCE_UNITS.length)];
    double usedUnits =
        r.nextInt(100) < 5
            ? half(units * (1.01 + r.nextDouble() * 0.3)) // over-used: a real, billable situation
            : half(units * r.nextDouble());

    boolean socketLicense = !points && r.nextInt(100) < 15;
    List<String> sectionTypes =
        socketLicense
            ? (r.nextBoolean() ? List.of("Socket") : List.of("Socket", "Instance"))
            : r.nextInt(100) < 4 ? List.of("All") : List.of("Instance");
    Double sockets;
    Double usedSockets;
    if (socketLicense) {
      double s = 2 * r.nextInt(1, 33);
      sockets = s;
      usedSockets = (double) r.nextInt(0, (int) s + 1);
    } else if (r.nextInt(100) < 20) {
      sockets = null;
      usedSockets = null;
    } else {
      sockets = 0.0;
      usedSockets = 0.0;
    }
    Double capacity;
    Double usedCapacity;
    int cap = r.nextInt(100);
    if (cap < 10) {
      capacity = (double) r.nextInt(10, 501);
      usedCapacity = half(capacity * r.nextDouble());
    } else if (cap < 50) {
      capacity = 0.0;
      usedCapacity = r.nextBoolean() ? 0.0 : null;
    } else {
      capacity = null;
      usedCapacity = null;
    }

    String first = FIRST_NAMES[r.nextInt(FIRST_NAMES.length)];
    String last = LAST_NAMES[r.nextInt(LAST_NAMES.length)];
    String companyBase =
        COMPANY_FIRST[r.nextInt(COMPANY_FIRST.length)]
            + " "
            + COMPANY_SECOND[r.nextInt(COMPANY_SECOND.length)];
    String suffix = COMPANY_SUFFIX[r.nextInt(COMPANY_SUFFIX.length)];
    String company = suffix.isEmpty() ? companyBase : companyBase + " " + suffix;
    String email =
        slug(first).charAt(0)
            + "."
            + slug(last)
            + "@"
            + slug(companyBase)
            + "."
            + TLDS[r.nextInt(TLDS.length)];

    int licenseIdCount = r.nextInt(100) < 10 ? 0 : r.nextInt(1, 4);
    List<String> licenseIds = new ArrayList<>(licenseIdCount);
    for (int k = 0; k < licenseIdCount; k++) {
      licenseIds.add(
          new UUID(
                  r.nextLong() & ~0xF000L | 0x4000L,
                  r.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)
              .toString());
    }
    List<String> supportIds = new ArrayList<>();
    if (!type.equals("Community")) {
      int n = r.nextInt(100) < 85 ? 1 : 2;
      for (int k = 0; k < n; k++) {
        String digits = Integer.toString(r.nextInt(100_000, 3_000_000));
        supportIds.add("00000000".substring(digits.length()) + digits);
      }
    }

    m.put("backupServerUid", uid);
    m.put("autoUpdateEnabled", autoUpdate);
    m.put("edition", edition);
    m.put("monitoring", pick(r, new Boolean[] {false, true, null}, new int[] {82, 12, 6}));
    m.put("packages", packages(r, type));
    m.put("company", company);
    m.put("email", email);
    m.put("contactPerson", first + " " + last);
    m.put("expirationDate", expiryDays == null ? null : date(expiryDays, hour, offset, r));
    m.put("supportExpirationDate", supportDays == null ? null : date(supportDays, hour, offset, r));
    m.put("licenseIds", licenseIds);
    m.put("supportIds", supportIds);
    m.put("sectionTypes", sectionTypes);
    m.put("status", status);
    m.put(
        "cloudConnect", pick(r, new String[] {"No", "Yes", "Enterprise"}, new int[] {70, 15, 15}));
    m.put("sockets", sockets);
    m.put("usedSockets", usedSockets);
    m.put("capacity", capacity);
    m.put("usedCapacity", usedCapacity);
    m.put("units", units);
    m.put("usedUnits", usedUnits);
    m.put("unitType", points ? "Points" : "Instances");
    m.put("type", type);

    if (r.nextInt(100) < 6 && !complete) {
      // Older or partially reporting servers leave some properties out altogether.
      int drop = r.nextInt(1, 5);
      for (int k = 0; k < drop; k++) {
        String p = PROPERTIES.get(r.nextInt(PROPERTIES.size()));
        if (!p.equals("autoUpdateEnabled")) {
          m.remove(p);
        }
      }
    }
    if (unknownShare > 0 && r.nextDouble() < unknownShare) {
      addUnknownEnumValue(r, m);
    }
    return applyCasing(m);
  }

  /** Newer servers send values this document does not list yet. */
  private static void addUnknownEnumValue(SplittableRandom r, Map<String, @Nullable Object> m) {
    switch (r.nextInt(6)) {
      case 0 -> m.put("status", "Suspended");
      case 1 -> m.put("type", "Perpetual2");
      case 2 -> {
        List<String> p = new ArrayList<>(stringList(m.get("packages")));
        p.add("Cloud");
        m.put("packages", p);
      }
      case 3 -> m.put("unitType", "Workloads");
      case 4 -> m.put("cloudConnect", "Hybrid");
      default -> {
        List<String> s = new ArrayList<>(stringList(m.get("sectionTypes")));
        s.add("Capacity");
        m.put("sectionTypes", s);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> stringList(@Nullable Object value) {
    return value instanceof List<?> l ? (List<String>) l : List.of();
  }

  private Map<String, @Nullable Object> applyCasing(Map<String, @Nullable Object> m) {
    if (casing == EnumCasing.PASCAL_CASE) {
      return m;
    }
    for (String p : ENUM_PROPERTIES) {
      if (m.get(p) instanceof String s) {
        m.put(p, casing.apply(s));
      }
    }
    for (String p : ENUM_LIST_PROPERTIES) {
      if (m.get(p) instanceof List<?> l) {
        m.put(p, l.stream().map(v -> casing.apply((String) v)).toList());
      }
    }
    return m;
  }

  /** The one licence of provider state "a license with every nullable property null". */
  Map<String, @Nullable Object> licenseWithNullablesNull() {
    Map<String, @Nullable Object> m = licenseWithEveryProperty();
    m.put("backupServerUid", "5f0c2b1e-7d3a-4c8e-9b21-0a6e4d2f8c13");
    for (String p : NULLABLE) {
      m.put(p, null);
    }
    return m;
  }

  /** The one licence of provider state "a license with every property present". */
  Map<String, @Nullable Object> licenseWithEveryProperty() {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("backupServerUid", "a26ad214-e225-49bf-8fb8-f16340729b7b");
    m.put("autoUpdateEnabled", true);
    m.put("edition", "Enterprise Plus");
    m.put("monitoring", false);
    m.put("packages", List.of("Backup", "ONE"));
    m.put("company", "Alder Logistics Ltd");
    m.put("email", "a.smith@alder-logistics.example");
    m.put("contactPerson", "Alan Smith");
    m.put("expirationDate", date(400, 14, ZoneOffset.ofHours(-7), null));
    m.put("supportExpirationDate", date(400, 14, ZoneOffset.ofHours(-7), null));
    m.put("licenseIds", List.of("33882222-1111-4222-8333-111122233333"));
    m.put("supportIds", List.of("00276360"));
    m.put("sectionTypes", List.of("Socket", "Instance"));
    m.put("status", "Valid");
    m.put("cloudConnect", "Enterprise");
    m.put("sockets", 8.0);
    m.put("usedSockets", 6.0);
    m.put("capacity", 100.0);
    m.put("usedCapacity", 42.5);
    m.put("units", 1000.0);
    m.put("usedUnits", 1020.5);
    m.put("unitType", "Instances");
    m.put("type", "Rental");
    return applyCasing(m);
  }

  private static List<String> packages(SplittableRandom r, String type) {
    if (type.equals("Community")) {
      return List.of("Backup");
    }
    return pick(
            r,
            new List<?>[] {
              List.of("Backup"), List.of("Backup", "ONE"), List.of("ONE"), List.of("Suite"),
              List.of("Essentials"), List.of("Starter"), List.of("Foundation"), List.of("Advanced"),
              List.of("Premium"), List.of("Backup", "Orchestrator"), List.of("None"), List.of()
            },
            new int[] {40, 14, 8, 5, 7, 4, 7, 6, 4, 3, 1, 1})
        .stream()
        .map(String.class::cast)
        .toList();
  }

  private static String statusFor(int expiryDays) {
    return expiryDays < 0 ? "Expired" : expiryDays <= 30 ? "Warning" : "Valid";
  }

  /** Date-times as VSPC writes them: 7 fractional digits and the server's offset. */
  private String date(
      int daysFromToday, int hour, ZoneOffset offset, @Nullable SplittableRandom r) {
    LocalDate d = today.plusDays(daysFromToday);
    int fraction = r == null || r.nextInt(100) < 80 ? 0 : r.nextInt(10_000_000);
    int minute = fraction == 0 ? 0 : r.nextInt(60);
    int second = fraction == 0 ? 0 : r.nextInt(60);
    StringBuilder sb = new StringBuilder(33);
    pad(sb, d.getYear(), 4).append('-');
    pad(sb, d.getMonthValue(), 2).append('-');
    pad(sb, d.getDayOfMonth(), 2).append('T');
    pad(sb, hour, 2).append(':');
    pad(sb, minute, 2).append(':');
    pad(sb, second, 2).append('.');
    pad(sb, fraction, 7);
    return sb.append(offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId()).toString();
  }

  private static StringBuilder pad(StringBuilder sb, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(digits);
  }

  /** Unique per index within a seed: the low 48 bits are a bijection of the index. */
  private String serverUid(long index) {
    long s = mix(seed);
    long msb = (mix(s + index) & ~0xF000L) | 0x4000L;
    long node = ((index * 0x9E3779B97F4BL) ^ s) & 0xFFFF_FFFF_FFFFL;
    long lsb = 0x8000_0000_0000_0000L | (mix(s ^ index) & 0x3FFF_0000_0000_0000L) | node;
    return new UUID(msb, lsb).toString();
  }

  private static double half(double v) {
    return Math.round(v * 2) / 2.0;
  }

  /** Slugs of the few names above, computed once: normalizing per licence is slow. */
  private static final Map<String, String> SLUGS = new ConcurrentHashMap<>();

  private static String slug(String s) {
    return SLUGS.computeIfAbsent(s, LicenseGenerator::ascii);
  }

  private static String ascii(String s) {
    String folded =
        Normalizer.normalize(s, Normalizer.Form.NFD)
            .replace("ø", "o")
            .replace("Ø", "O")
            .replace("ł", "l")
            .replace("Ł", "L");
    return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  private static <T extends @Nullable Object> T pick(
      SplittableRandom r, T[] values, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int x = r.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  /** SplitMix64's finalizer: a cheap, well-mixing bijection. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static List<String> named(Trait... traits) {
    List<Trait> wanted = List.of(traits);
    return TABLE.stream().filter(p -> wanted.contains(p.trait())).map(Property::name).toList();
  }
}
