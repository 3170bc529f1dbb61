package dev.licensewatch.vspc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example compiles against the emulator as it is, so it cannot drift. */
class ReadmeExampleTest {

  @Test
  void theReadmeExampleCompiles(@TempDir Path classes) throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("```java\n");
    assertThat(start).as("a ```java block in the README").isNotNegative();
    String example =
        readme.substring(start + "```java\n".length(), readme.indexOf("```", start + 7));
    String source =
        "import dev.licensewatch.vspc.emulator.*;\n"
            + "import java.nio.file.Path;\nimport java.util.List;\n"
            + "class Example {\n  void run() throws Exception {\n"
            + example.replace("\n    ...\n", "\n") // the README's "..." stands for the user's code
            + "  }\n}\n";
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///Example.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean compiled =
        javac
            .getTask(
                errors,
                null,
                null,
                List.of(
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()),
                null,
                List.of(file))
            .call();
    assertThat(compiled).as("the README example compiles:\n%s\n%s", source, errors).isTrue();
  }
}
