package dev.licensewatch.vspc.cli;

import dev.licensewatch.vspc.client.LicenseQuery;
import dev.licensewatch.vspc.client.Sort;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --filter} and {@code --sort} of list, export and check: the server filters and sorts, so
 * only the licences asked for cross the network. The syntax is {@link QuerySyntax}'s; {@link
 * #addHelp} puts it in the help of each command that mixes these options in.
 */
final class QueryOptions {
  /** The syntax, shown before the examples of list, export and check. */
  static final List<String> HELP =
      List.of(
          "",
          "Filters: --filter PROPERTY OPERATOR VALUE, repeated to require them all.",
          "  =  !=         equals, differs (text and enumerations ignoring case)",
          "  <  <=  >  >=  less, greater: date-times as instants, numbers as numbers",
          "  ~  !~         contains, does not contain, ignoring case (a list: holds)",
          "  PROPERTY      an API property name: status, company, expirationDate, ...",
          "  VALUE         text, a number, true, false, null (with = and != only),",
          "                a date (2027-01-01 is midnight UTC) or a date-time with an",
          "                offset; a|b means a or b (write \\| for a | in a value)",
          "  --filter status=Expired      --filter 'expirationDate<2027-01-01'",
          "  --filter company~acme        --filter 'status=Warning|Expired'",
          "Sort: --sort [-]PROPERTY[,...], - for descending: --sort -expirationDate,company");

  /** Adds {@link #HELP} to the footer of every subcommand that has these options. */
  static void addHelp(CommandLine root) {
    for (CommandLine command : root.getSubcommands().values()) {
      CommandSpec spec = command.getCommandSpec();
      if (spec.mixins().values().stream().anyMatch(m -> m.userObject() instanceof QueryOptions)) {
        List<String> footer = new ArrayList<>(HELP);
        footer.addAll(List.of(spec.usageMessage().footer()));
        spec.usageMessage().footer(footer.toArray(String[]::new));
      }
    }
  }

  @Option(
      names = "--filter",
      paramLabel = "EXPR",
      description =
          "Only licences where EXPR holds, decided by the server, e.g. status=Expired,"
              + " 'expirationDate<2027-01-01', company~acme; repeat to require them all (see below).")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--sort",
      paramLabel = "[-]PROP[,...]",
      description =
          "Order by these properties, sorted by the server; - for descending, e.g."
              + " -expirationDate,company.")
  @Nullable String sort;

  /** The query the options describe; a bad expression is a usage error naming it. */
  LicenseQuery query(CommandLine command) {
    LicenseQuery query = LicenseQuery.all();
    for (String filter : filters) {
      try {
        query = query.where(QuerySyntax.filter(filter));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(command, "bad --filter " + Io.oneLine(e.getMessage()));
      }
    }
    if (sort != null) {
      try {
        query = query.sortedBy(QuerySyntax.sorts(sort).toArray(Sort[]::new));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            command, "bad --sort '" + sort + "': " + Io.oneLine(e.getMessage()));
      }
    }
    return query;
  }

  boolean sorts() {
    return sort != null;
  }
}
