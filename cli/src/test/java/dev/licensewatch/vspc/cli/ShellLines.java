package dev.licensewatch.vspc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Command lines of the documentation, split and made runnable as the shell would. */
final class ShellLines {
  private ShellLines() {}

  /** Splits a shell line: single and double quotes, a comment after {@code #}. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (c == '#' && word == null) {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * The arguments with each file named after one of {@code fileOptions} moved into {@code dir} (a
   * URL stays as it is).
   */
  static String[] inDir(List<String> args, Path dir, Set<String> fileOptions) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      boolean file = i > 0 && fileOptions.contains(args.get(i - 1)) && !arg.contains("://");
      out.add(file ? dir.resolve(arg).toString() : arg);
    }
    return out.toArray(String[]::new);
  }
}
