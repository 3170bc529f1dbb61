package dev.licensewatch.vspc.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What list, export and check share: the root command's session, their own spec (for usage errors)
 * and {@link QueryOptions}. Picocli reads a superclass's fields first, so {@code --filter} and
 * {@code --sort} stay the first options of each.
 */
abstract class QueryCommandBase {
  @ParentCommand Root root;
  @Spec CommandSpec spec;
  @Mixin QueryOptions query;
}
