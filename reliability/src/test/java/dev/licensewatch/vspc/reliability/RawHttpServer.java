package dev.licensewatch.vspc.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare HTTP/1.1 server on 127.0.0.1 for answers no real server gives (a body generated while
 * it is sent, a byte a second): each connection on its own daemon thread reads the request head
 * and hands the socket's output to {@code respond}. An {@link IOException} there means the client
 * went away, which is what these tests expect.
 */
final class RawHttpServer implements AutoCloseable {
  /** Writes the whole response, status line included, to one connection. */
  @FunctionalInterface
  interface Responder {
    void respond(OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket socket;

  /** Starts serving at most {@code maxConnections} connections, each with {@code responder}. */
  RawHttpServer(String name, int maxConnections, Responder responder) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(name, () -> {
      for (int c = 0; c < maxConnections && !socket.isClosed(); c++) {
        Socket connection;
        try {
          connection = socket.accept();
        } catch (IOException e) {
          return;
        }
        daemon(name + "-" + c, () -> serve(connection, responder));
      }
    });
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static void serve(Socket connection, Responder responder) {
    try (connection) {
      if (readHead(connection.getInputStream())) {
        responder.respond(connection.getOutputStream());
      }
    } catch (IOException | InterruptedException e) {
      // the client closed the connection or gave up: expected
    }
  }

  /** Reads up to the blank line ending the request head; false if the client left first. */
  private static boolean readHead(InputStream in) throws IOException {
    byte[] buf = new byte[8192];
    StringBuilder head = new StringBuilder();
    while (!head.toString().contains("\r\n\r\n") && head.length() < 65536) {
      int n = in.read(buf);
      if (n < 0) {
        return false;
      }
      head.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
    }
    return true;
  }

  private static void daemon(String name, Runnable task) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
  }
}
