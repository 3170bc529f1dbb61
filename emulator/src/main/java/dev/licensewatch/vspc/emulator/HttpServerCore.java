package dev.licensewatch.vspc.emulator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLServerSocketFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small blocking HTTP/1.1 server: one pooled thread per connection, keep-alive, responses with a
 * Content-Length (or chunked, for a body written while it is sent). Written on plain sockets (not
 * com.sun.net.httpserver) because the faults need what the JDK server hides: an abortive close
 * (RST) of the very socket a response was half written to, and control of when each byte is
 * flushed.
 */
final class HttpServerCore implements Closeable {

  interface Handler {
    void handle(Request request, Exchange exchange) throws IOException, InterruptedException;
  }

  private static final Logger log = LoggerFactory.getLogger(HttpServerCore.class);
  private static final int MAX_LINE = 8 * 1024;
  private static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int MAX_BODY = 1024 * 1024;
  private static final int IDLE_TIMEOUT_MS = 30_000;
  private static final AtomicInteger SERVER_IDS = new AtomicInteger();

  private final ServerSocket serverSocket;
  private final Handler handler;
  private final ThreadPoolExecutor workers;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  /** Every worker thread started, so that close() can wait until each has ended. */
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

  private final LongAdder bytesSent;
  private volatile boolean closed;

  /**
   * Serves {@code handler}'s answers, adding every byte handed to a socket to {@code bytesSent}.
   */
  HttpServerCore(
      InetAddress host,
      int port,
      @Nullable SSLServerSocketFactory tls,
      int maxConnections,
      LongAdder bytesSent,
      Handler handler)
      throws IOException {
    this.handler = handler;
    this.bytesSent = bytesSent;
    ServerSocket ss = tls != null ? tls.createServerSocket() : new ServerSocket();
    ss.setReuseAddress(true);
    ss.bind(new InetSocketAddress(host, port), 256);
    this.serverSocket = ss;
    int id = SERVER_IDS.incrementAndGet();
    AtomicInteger threadIds = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            0,
            maxConnections,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t =
                  new Thread(r, "vspc-emulator-" + id + "-worker-" + threadIds.incrementAndGet());
              t.setDaemon(true);
              threads.removeIf(old -> !old.isAlive()); // idle workers end after 30 s
              threads.add(t);
              return t;
            });
    this.acceptor = new Thread(this::acceptLoop, "vspc-emulator-" + id + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (!closed) {
          log.warn("accept failed", e);
        }
        continue;
      }
      open.add(socket);
      if (closed) {
        closeQuietly(socket);
        continue;
      }
      try {
        workers.execute(() -> serve(socket));
      } catch (RejectedExecutionException e) {
        log.warn("too many connections; closing one");
        closeQuietly(socket);
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(IDLE_TIMEOUT_MS);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      OutputStream out =
          new BufferedOutputStream(new Counting(socket.getOutputStream(), bytesSent), 64 * 1024);
      while (!closed) {
        Request request;
        try {
          request = readRequest(in, out);
        } catch (BadRequestException e) {
          Exchange exchange = new Exchange(socket, in, out, true);
          exchange.send(Response.error(e.status, e.getMessage(), "logical"));
          return;
        }
        if (request == null) {
          return;
        }
        Exchange exchange = new Exchange(socket, in, out, request.wantsClose());
        handler.handle(request, exchange);
        if (exchange.closeAfter() || exchange.aborted()) {
          return;
        }
      }
    } catch (SocketTimeoutException | SocketException e) {
      // Idle keep-alive connection, client gone, or emulator closing: nothing to report.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        log.debug("connection ended: {}", e.toString());
      }
    } finally {
      open.remove(socket);
    }
  }

  private static final class BadRequestException extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    BadRequestException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** Reads one request; null on a clean end of stream between requests. */
  private static @Nullable Request readRequest(InputStream in, OutputStream out)
      throws IOException {
    String line;
    do {
      line = readLine(in);
      if (line == null) {
        return null;
      }
    } while (line.isEmpty());
    String[] parts = line.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new BadRequestException(400, "Malformed request line.");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    int headerBytes = 0;
    while (true) {
      String h = readLine(in);
      if (h == null) {
        throw new BadRequestException(400, "Connection closed inside the request headers.");
      }
      if (h.isEmpty()) {
        break;
      }
      headerBytes += h.length();
      if (headerBytes > MAX_HEADER_BYTES) {
        throw new BadRequestException(431, "Request headers are too large.");
      }
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new BadRequestException(400, "Malformed request header.");
      }
      headers.putIfAbsent(
          h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
    }
    byte[] body = readBody(in, out, headers);
    return new Request(parts[0], parts[1], parts[2], Map.copyOf(headers), body);
  }

  private static byte[] readBody(InputStream in, OutputStream out, Map<String, String> headers)
      throws IOException {
    String te = headers.get("transfer-encoding");
    String cl = headers.get("content-length");
    boolean chunked = te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
    if (!chunked && (cl == null || cl.equals("0"))) {
      return new byte[0];
    }
    String expect = headers.get("expect");
    if (expect != null && expect.equalsIgnoreCase("100-continue")) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    if (!chunked) {
      long length;
      try {
        length = Long.parseLong(cl);
      } catch (NumberFormatException e) {
        throw new BadRequestException(400, "Invalid Content-Length.");
      }
      if (length < 0 || length > MAX_BODY) {
        throw new BadRequestException(413, "Request body too large.");
      }
      byte[] body = in.readNBytes((int) length);
      if (body.length != length) {
        throw new BadRequestException(400, "Connection closed inside the request body.");
      }
      return body;
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      if (sizeLine == null) {
        throw new BadRequestException(400, "Connection closed inside a chunked body.");
      }
      int semi = sizeLine.indexOf(';');
      int size;
      try {
        size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new BadRequestException(400, "Invalid chunk size.");
      }
      if (size == 0) {
        String trailer;
        do {
          trailer = readLine(in);
        } while (trailer != null && !trailer.isEmpty());
        return body.toByteArray();
      }
      if (size < 0 || body.size() + size > MAX_BODY) {
        throw new BadRequestException(413, "Request body too large.");
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length != size) {
        throw new BadRequestException(400, "Connection closed inside a chunk.");
      }
      body.write(chunk);
      readLine(in); // the CRLF after each chunk
    }
  }

  private static @Nullable String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') {
          sb.setLength(len - 1);
        }
        return sb.toString();
      }
      if (sb.length() >= MAX_LINE) {
        throw new BadRequestException(431, "Request line or header too long.");
      }
      sb.append((char) c);
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(serverSocket);
    for (Socket s : open) {
      closeQuietly(s);
    }
    workers.shutdownNow();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("emulator worker threads did not stop within 5 s");
      }
      // A terminated pool's last worker may still be on its way out of run(): wait for it too.
      for (Thread t : threads) {
        t.join(5_000);
      }
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void closeQuietly(@Nullable Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException ignored) {
      // Closing: there is nobody left to tell.
    }
  }

  /** The socket's output, counting what is handed to the socket. */
  private static final class Counting extends FilterOutputStream {
    private final LongAdder count;

    Counting(OutputStream out, LongAdder count) {
      super(out);
      this.count = count;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count.increment();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count.add(len);
    }
  }
}
