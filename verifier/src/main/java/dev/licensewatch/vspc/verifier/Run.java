package dev.licensewatch.vspc.verifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What every check of one verification shares: the transport, the tokens and the settings. */
final class Run {
  final Document document;
  final Transport transport;
  final DocumentChecks documents;
  final Transport.Auth token;
  final Transport.Auth madeUp;
  final Transport.@Nullable Auth lowRole;
  final int pageSize;
  final int maxPages;
  final int concurrency;

  Run(
      Document document,
      Transport transport,
      Transport.Auth token,
      Transport.Auth madeUp,
      Transport.@Nullable Auth lowRole,
      int pageSize,
      int maxPages,
      int concurrency) {
    this.document = document;
    this.transport = transport;
    this.documents = new DocumentChecks(document);
    this.token = token;
    this.madeUp = madeUp;
    this.lowRole = lowRole;
    this.pageSize = pageSize;
    this.maxPages = maxPages;
    this.concurrency = concurrency;
  }

  /**
   * A GET with these parameters (name, value, name, value...), inspected by the document checks.
   */
  Exchange get(Transport.Auth auth, Object... nameValues) {
    Map<String, String> query = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      query.put((String) nameValues[i], String.valueOf(nameValues[i + 1]));
    }
    return inspected(transport.get(query, auth));
  }

  /** A replayed request, inspected by the document checks. */
  Exchange replay(
      String path,
      Map<String, String> query,
      Map<String, List<String>> headers,
      Transport.Auth auth) {
    return inspected(transport.get(path, query, headers, auth));
  }

  private Exchange inspected(Exchange exchange) {
    documents.inspect(exchange);
    return exchange;
  }
}
