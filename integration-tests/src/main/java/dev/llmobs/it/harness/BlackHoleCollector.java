package dev.llmobs.it.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A collector that has hung: it accepts connections on a loopback port and reads what is sent, but
 * never answers. Closing it closes every connection it holds.
 */
public final class BlackHoleCollector implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();

  private BlackHoleCollector(ServerSocket server) {
    this.server = server;
  }

  public static BlackHoleCollector start(int port) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    BlackHoleCollector hole = new BlackHoleCollector(server);
    daemon(hole::acceptLoop, "black-hole-accept").start();
    return hole;
  }

  /** Connections accepted so far. */
  public int connections() {
    return accepted.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        accepted.incrementAndGet();
        held.add(socket);
        daemon(() -> swallow(socket), "black-hole-read").start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void swallow(Socket socket) {
    byte[] buffer = new byte[8192];
    try (InputStream in = socket.getInputStream()) {
      while (in.read(buffer) >= 0) {
        // never answer
      }
    } catch (IOException closed) {
      // the sender gave up, or we closed
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : held) {
      socket.close();
    }
  }
}
