package dev.licensewatch.vspc.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The authentication checks: no token, a made-up token, and (if given) a low-role token. */
final class AuthChecks {
  static final String GROUP = "auth";

  private final Run run;

  AuthChecks(Run run) {
    this.run = run;
  }

  List<Check> checks() {
    List<Check> checks = new ArrayList<>();
    Exchange none = run.get(Transport.Auth.NONE, "limit", 1);
    checks.add(
        Answers.expectError(none, 401, "no token was sent")
            .check(
                "auth.no-token",
                GROUP,
                "Without a token: 401 with the error envelope",
                none.request(),
                none.time()));
    Exchange madeUp = run.get(run.madeUp, "limit", 1);
    checks.add(
        Answers.expectError(madeUp, 401, "the token was made up")
            .check(
                "auth.made-up-token",
                GROUP,
                "With a made-up token: 401 with the error envelope",
                madeUp.request(),
                madeUp.time()));
    checks.add(lowRole());
    return checks;
  }

  private Check lowRole() {
    String id = "auth.low-role";
    List<String> roles = roles();
    String title =
        "With a token of a user without a licensing role: 403 with the error"
            + " envelope naming the roles";
    if (run.lowRole == null) {
      return Check.notVerifiable(
          id,
          GROUP,
          title,
          "give --low-role-token (a user with none of"
              + " the roles "
              + String.join(", ", roles)
              + ") to check it");
    }
    Exchange e = run.get(run.lowRole, "limit", 1);
    Findings findings = Answers.expectError(e, 403, "the user has no licensing role");
    JsonNode errors = e.status() == 403 ? Answers.errors(e) : null;
    if (errors != null) {
      StringBuilder messages = new StringBuilder();
      errors.forEach(error -> messages.append(error.path("message").asText("")).append(' '));
      String text = messages.toString().toLowerCase(Locale.ROOT);
      List<String> unnamed =
          roles.stream().filter(role -> !text.contains(role.toLowerCase(Locale.ROOT))).toList();
      if (!unnamed.isEmpty()) {
        findings.add(
            Finding.of(
                    Finding.Severity.NOTE,
                    "the message does not name the roles "
                        + String.join(", ", unnamed)
                        + " (the document does not require it; users are"
                        + " left guessing which role they need)")
                .in(DocumentChecks.describe(e))
                .actual(Text.quote(messages.toString().trim())));
      }
    }
    return findings.check(id, GROUP, title, e.request(), e.time());
  }

  /** The roles the document lists for the operation ({@code x-required-roles}). */
  private List<String> roles() {
    Object roles =
        run.document.operation.getExtensions() == null
            ? null
            : run.document.operation.getExtensions().get("x-required-roles");
    List<String> names = new ArrayList<>();
    if (roles instanceof List<?> list) {
      list.forEach(role -> names.add(String.valueOf(role)));
    }
    return names;
  }
}
