package dev.licensewatch.vspc.emulator;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** One request's way back to the client, with the ways a faulty server answers. */
final class Exchange {

  /** A body written while it is sent, for answers too large to hold. */
  interface BodyWriter {
    void writeTo(OutputStream body) throws IOException;
  }

  private static final byte[] CRLF = {'\r', '\n'};

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private boolean closeAfter;
  private boolean aborted;

  Exchange(Socket socket, InputStream in, OutputStream out, boolean closeAfter) {
    this.socket = socket;
    this.in = in;
    this.out = out;
    this.closeAfter = closeAfter;
  }

  boolean closeAfter() {
    return closeAfter;
  }

  boolean aborted() {
    return aborted;
  }

  void closeAfterResponse() {
    closeAfter = true;
  }

  /** The status line and headers; a negative {@code contentLength} means chunked. */
  private void writeHead(Response r, long contentLength) throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ")
        .append(r.status())
        .append(' ')
        .append(Response.reason(r.status()))
        .append("\r\n");
    for (String[] h : r.headers()) {
      head.append(h[0]).append(": ").append(h[1]).append("\r\n");
    }
    head.append(
            contentLength < 0 ? "Transfer-Encoding: chunked" : "Content-Length: " + contentLength)
        .append("\r\n");
    if (closeAfter) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A complete response. */
  void send(Response r) throws IOException {
    writeHead(r, r.contentLength());
    for (byte[] part : r.body()) {
      out.write(part);
    }
    out.flush();
  }

  /**
   * Headers announcing the whole body, half of it, then either an abortive close (RST, via
   * SO_LINGER 0) or an orderly one (FIN): the client sees a reset or a truncated body.
   */
  void sendCut(Response r, boolean reset) throws IOException {
    byte[] body = r.bodyBytes();
    writeHead(r, body.length);
    out.write(body, 0, body.length / 2);
    out.flush();
    aborted = true;
    if (reset) {
      socket.setSoLinger(true, 0);
    }
    socket.close();
  }

  /** The whole response, the body in pieces of {@code pieceSize} bytes, a pause before each. */
  void sendPaced(Response r, int pieceSize, long pauseMillis)
      throws IOException, InterruptedException {
    byte[] body = r.bodyBytes();
    writeHead(r, body.length);
    out.flush();
    for (int at = 0; at < body.length; at += pieceSize) {
      Thread.sleep(pauseMillis);
      out.write(body, at, Math.min(pieceSize, body.length - at));
      out.flush();
    }
  }

  /**
   * {@code head}'s status and headers, then a body {@code writer} produces as it is sent: {@code
   * contentLength} bytes of it, or chunked when that is negative.
   */
  void sendStreamed(Response head, long contentLength, BodyWriter writer) throws IOException {
    writeHead(head, contentLength);
    if (contentLength < 0) {
      try (OutputStream body = new BufferedOutputStream(new Chunked(out), 64 * 1024)) {
        writer.writeTo(body);
      }
    } else {
      writer.writeTo(out);
    }
    out.flush();
  }

  /** Never answers: waits until the client gives up or the emulator closes the socket. */
  void hang() throws IOException {
    aborted = true;
    byte[] sink = new byte[1024];
    while (true) {
      try {
        if (in.read(sink) < 0) {
          return;
        }
      } catch (SocketTimeoutException e) {
        // Keep hanging; close() of the emulator ends this read with an exception.
      }
    }
  }

  /** A body in chunked transfer coding: a chunk per write, the last chunk on close. */
  private static final class Chunked extends FilterOutputStream {
    Chunked(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > 0) {
        out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b, off, len);
        out.write(CRLF);
      }
    }

    @Override
    public void close() throws IOException {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush(); // not closed: the connection may carry the next request
    }
  }
}
