package dev.licensewatch.vspc.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The paging checks: a walk through the collection ({@code --page-size} licences per page, up to
 * {@code --max-pages} pages, {@code --concurrency} at a time), then one request each for the edges:
 * past the end, the largest page, one too large, a negative offset, no parameters.
 */
final class PagingChecks {
  static final String GROUP = "paging";

  /** The pages of the walk, in offset order, and what kept it from being whole. */
  record Walk(Page first, List<Page> pages, List<Exchange> failed, boolean bounded, Duration time) {
    @Nullable Integer total() {
      return first.total();
    }

    int visited() {
      return pages.stream().mapToInt(Page::size).sum();
    }
  }

  private final Run run;

  /** Every 200 page of the run, for the count and offset checks. */
  private final List<Page> pages = new ArrayList<>();

  PagingChecks(Run run) {
    this.run = run;
  }

  /** Walks the collection from its first page (already fetched, a 200). */
  Walk walk(Exchange firstExchange) {
    long start = System.nanoTime();
    Page first = Page.of(firstExchange);
    List<Page> walked = new ArrayList<>(List.of(first));
    List<Exchange> failed = new ArrayList<>();
    int size = run.pageSize;
    boolean bounded = false;
    Integer total = first.total();
    if (total != null) {
      List<Integer> offsets = new ArrayList<>();
      for (long offset = size; offset < total; offset += size) {
        if (offsets.size() + 1 >= run.maxPages) {
          bounded = true;
          break;
        }
        offsets.add((int) offset);
      }
      for (Exchange e : fetchAll(offsets)) {
        if (e.ok()) {
          walked.add(Page.of(e));
        } else {
          failed.add(e);
        }
      }
    } else {
      // No total to plan with: page on until a short page, as a client without meta would.
      Page last = first;
      while (last.readable() && last.size() >= size) {
        if (walked.size() >= run.maxPages) {
          bounded = true;
          break;
        }
        Exchange e = run.get(run.token, "limit", size, "offset", last.offset() + size);
        if (!e.ok()) {
          failed.add(e);
          break;
        }
        last = Page.of(e);
        walked.add(last);
      }
    }
    pages.addAll(walked);
    return new Walk(
        first,
        List.copyOf(walked),
        List.copyOf(failed),
        bounded,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** The pages at these offsets, at most {@code concurrency} at a time, in offset order. */
  private List<Exchange> fetchAll(List<Integer> offsets) {
    if (offsets.isEmpty()) {
      return List.of();
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(run.concurrency, offsets.size()),
            task -> {
              Thread thread = new Thread(task, "vspc-verify-" + n.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<Exchange>> futures = new ArrayList<>();
      for (int offset : offsets) {
        futures.add(pool.submit(() -> run.get(run.token, "limit", run.pageSize, "offset", offset)));
      }
      List<Exchange> exchanges = new ArrayList<>();
      for (Future<Exchange> future : futures) {
        exchanges.add(future.get());
      }
      return exchanges;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while walking the collection", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a walk request failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  List<Check> checks(Walk walk) {
    Integer total = walk.total();
    int max = run.document.maxLimit();
    int dflt = run.document.defaultLimit();

    // The edges, one request each (sequential: the walk is the only parallel part).
    Exchange pastEnd =
        total == null ? null : run.get(run.token, "limit", run.pageSize, "offset", total);
    Exchange largest = run.get(run.token, "limit", max, "offset", 0);
    Exchange tooLarge = run.get(run.token, "limit", max + 1, "offset", 0);
    Exchange negative = run.get(run.token, "offset", -1);
    Exchange defaults = run.get(run.token);
    for (Exchange e : new Exchange[] {pastEnd, largest, defaults}) {
      if (e != null && e.ok()) {
        pages.add(Page.of(e));
      }
    }

    List<Check> checks = new ArrayList<>();
    checks.add(countCheck());
    checks.add(offsetCheck());
    checks.add(totalStable(walk));
    checks.add(walkComplete(walk));
    checks.add(pastTheEnd(walk, pastEnd));
    checks.add(largestPage(walk, largest, max));
    checks.add(
        badRequest(
            "paging.limit-too-large",
            "limit=" + (max + 1) + " gives 400 with the error envelope naming limit",
            tooLarge,
            "limit",
            "the document allows limit 1.." + max));
    checks.add(
        badRequest(
            "paging.negative-offset",
            "offset=-1 gives 400 with the error envelope naming offset",
            negative,
            "offset",
            "the document allows offset 0 or more"));
    checks.add(defaultPage(defaults, dflt));
    return checks;
  }

  private Check countCheck() {
    return echoCheck(
        "paging.count",
        "count equals the number of licences in data",
        "count",
        Page::count,
        Page::size,
        "count differs from the number of licences in data",
        ", data has ");
  }

  private Check offsetCheck() {
    return echoCheck(
        "paging.offset",
        "offset echoes the offset asked for (0 when none)",
        "offset",
        Page::echoedOffset,
        Page::offset,
        "offset is not the offset the request asked for",
        ", asked for ");
  }

  /**
   * Checks, on every readable page, that {@code meta.pagingInfo.<field>} equals what the page
   * should say; a page without the field is a note, not a break.
   */
  private Check echoCheck(
      String id,
      String title,
      String field,
      Function<Page, @Nullable Integer> echoed,
      ToIntFunction<Page> expected,
      String differs,
      String expectedLabel) {
    Findings findings = new Findings();
    int checked = 0;
    for (Page p : pages) {
      if (!p.readable()) {
        continue;
      }
      Integer said = echoed.apply(p);
      if (said == null) {
        findings.add(
            Finding.of(Finding.Severity.NOTE, "no meta.pagingInfo." + field + " to check")
                .in(p.request()));
        continue;
      }
      checked++;
      int want = expected.applyAsInt(p);
      if (said != want) {
        findings.add(
            Finding.of(Finding.Severity.BREAK, differs)
                .at("$.meta.pagingInfo." + field, null)
                .in(p.request())
                .actual(said + expectedLabel + want));
      }
    }
    return findings.check(id, GROUP, title, Text.plural(checked, "page"), Duration.ZERO);
  }

  private Check totalStable(Walk walk) {
    Findings findings = new Findings();
    Integer first = walk.total();
    if (first == null) {
      findings.add(
          Finding.of(
                  Finding.Severity.NOTE,
                  "the first page has no meta.pagingInfo.total to compare with")
              .in(walk.first().request()));
    } else {
      for (Page p : walk.pages()) {
        if (p.total() != null && !p.total().equals(first)) {
          findings.add(
              Finding.of(
                      Finding.Severity.BREAK,
                      "total changed during the walk"
                          + " (if licences were added or removed meanwhile, run again)")
                  .at("$.meta.pagingInfo.total", null)
                  .in(p.request())
                  .actual(p.total() + ", the first page said " + first));
        }
      }
    }
    return findings.check(
        "paging.total-stable",
        GROUP,
        "total stays the same during the walk",
        Text.plural(walk.pages().size(), "page"),
        walk.time());
  }

  private Check walkComplete(Walk walk) {
    String id = "paging.walk-complete";
    String title = "The walk visits total licences, each once";
    Integer total = walk.total();
    if (walk.bounded()) {
      return Check.notVerifiable(
          id,
          GROUP,
          title,
          "the walk stopped after --max-pages "
              + run.maxPages
              + " pages ("
              + walk.visited()
              + " of "
              + total
              + " licences); raise"
              + " --max-pages or --page-size to walk them all");
    }
    Findings findings = new Findings();
    for (Exchange e : walk.failed()) {
      findings.add(Answers.notAPage(e, "a page inside the collection got " + e.outcome()));
    }
    if (total == null) {
      findings.add(
          Finding.of(
              Finding.Severity.NOTE,
              "no total to compare with; the walk"
                  + " visited "
                  + Text.plural(walk.visited(), "licence")));
    } else if (walk.failed().isEmpty() && walk.visited() != total) {
      findings.add(
          Finding.of(
              Finding.Severity.BREAK,
              "the walk visited "
                  + Text.plural(walk.visited(), "licence")
                  + ", but total is "
                  + total));
    }
    Map<String, String> seen = new HashMap<>();
    for (Page p : walk.pages()) {
      List<@Nullable String> uids = p.uids();
      for (int i = 0; i < uids.size(); i++) {
        String uid = uids.get(i);
        String earlier = uid == null ? null : seen.putIfAbsent(uid, "#" + (p.offset() + i));
        if (earlier != null) {
          findings.add(
              Finding.of(Finding.Severity.BREAK, "a licence appears more than once in the walk")
                  .in(p.request())
                  .at("$.data[" + i + "]", p.license(i))
                  .actual("also at " + earlier));
        }
      }
    }
    return findings.check(
        id,
        GROUP,
        title,
        Text.plural(walk.pages().size(), "page")
            + ", "
            + Text.plural(walk.visited(), "licence")
            + (total == null ? "" : " of " + total),
        walk.time());
  }

  private Check pastTheEnd(Walk walk, @Nullable Exchange e) {
    String id = "paging.past-the-end";
    String title = "A page past the end is empty and keeps total";
    if (e == null) {
      return Check.notVerifiable(
          id, GROUP, title, "the first page has no total, so there is no end to go past");
    }
    Findings findings = new Findings();
    if (!e.ok()) {
      findings.add(Answers.notAPage(e, "got " + e.outcome() + " instead of an empty page"));
    } else {
      Page p = Page.of(e);
      if (p.size() > 0) {
        findings.add(
            Finding.of(Finding.Severity.BREAK, "data is not empty past the end")
                .at("$.data", null)
                .in(e.request())
                .actual(Text.plural(p.size(), "licence")));
      }
      if (p.total() != null && !p.total().equals(walk.total())) {
        findings.add(
            Finding.of(Finding.Severity.BREAK, "total differs past the end")
                .at("$.meta.pagingInfo.total", null)
                .in(e.request())
                .actual(p.total() + ", the walk said " + walk.total()));
      }
    }
    return findings.check(id, GROUP, title, "offset=" + walk.total(), e.time());
  }

  private Check largestPage(Walk walk, Exchange e, int max) {
    String id = "paging.limit-max";
    String title = "limit=" + max + " is served in full (as many licences as total allows)";
    Findings findings = new Findings();
    String detail = "";
    if (!e.ok()) {
      findings.add(
          Answers.notAPage(e, "got " + e.outcome() + " for the largest page the document allows"));
    } else {
      Page p = Page.of(e);
      Integer total = walk.total();
      if (total != null) {
        int expected = Math.min(max, total);
        detail = "expected " + Text.plural(expected, "licence");
        if (p.size() != expected) {
          findings.add(
              Finding.of(
                      Finding.Severity.BREAK,
                      "data is not a full page: limit="
                          + max
                          + " and total "
                          + total
                          + " call for "
                          + expected)
                  .at("$.data", null)
                  .in(e.request())
                  .actual(Text.plural(p.size(), "licence")));
        }
      } else if (p.size() > max) {
        findings.add(
            Finding.of(Finding.Severity.BREAK, "more licences than limit")
                .at("$.data", null)
                .in(e.request())
                .actual(Text.plural(p.size(), "licence")));
      }
    }
    return findings.check(id, GROUP, title, detail, e.time());
  }

  private Check badRequest(String id, String title, Exchange e, String parameter, String why) {
    Findings findings = Answers.expectError(e, 400, why);
    JsonNode errors = e.status() == 400 ? Answers.errors(e) : null;
    if (errors != null) {
      switch (Answers.naming(errors, parameter)) {
        case FIELD -> {}
        case MESSAGE ->
            findings.add(
                Finding.of(
                        Finding.Severity.NOTE,
                        "'"
                            + parameter
                            + "' is named in the message only, not in parameterName or propertyName")
                    .in(e.request()));
        case NONE ->
            findings.add(
                Finding.of(
                        Finding.Severity.BREAK,
                        "the error does not name"
                            + " '"
                            + parameter
                            + "' (in parameterName, propertyName or the message)")
                    .in(e.request())
                    .actual(Text.shorten(e.text())));
      }
    }
    return findings.check(id, GROUP, title, e.request(), e.time());
  }

  private Check defaultPage(Exchange e, int dflt) {
    Findings findings = new Findings();
    if (!e.ok()) {
      findings.add(
          Answers.notAPage(e, "got " + e.outcome() + " for a request without limit and offset"));
    } else if (Page.of(e).size() > dflt) {
      findings.add(
          Finding.of(
                  Finding.Severity.BREAK, "more licences than the document's default limit " + dflt)
              .at("$.data", null)
              .in(e.request())
              .actual(Text.plural(Page.of(e).size(), "licence")));
    }
    return findings.check(
        "paging.default-page",
        GROUP,
        "Without limit and offset, a page has " + dflt + " licences or fewer",
        Objects.requireNonNull(e.request()),
        e.time());
  }
}
