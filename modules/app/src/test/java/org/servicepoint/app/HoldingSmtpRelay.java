package org.servicepoint.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay between the application and the test's SMTP server that can hold a send in flight: once armed, the
 * next message whose data the server has fully received gets no reply (the server has stored it; the application
 * waits for its "250"). Killing the application then leaves exactly the case the outbox promises to survive: a
 * claimed delivery, already at the server, not recorded as sent.
 */
final class HoldingSmtpRelay implements AutoCloseable {

    private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

    private final ServerSocket listener;
    private final int serverPort;
    private volatile boolean armed;
    /** Only a message whose text holds this is held (null: any message). */
    private volatile String marker;
    private volatile CountDownLatch held = new CountDownLatch(1);

    HoldingSmtpRelay(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "smtp-relay");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The next message that reaches the server completely gets no reply. */
    synchronized void holdNextMessage() {
        holdNextMessageContaining(null);
    }

    /** The next message that reaches the server completely and contains {@code text} (e.g. in its Message-ID) gets no reply. */
    synchronized void holdNextMessageContaining(String text) {
        held = new CountDownLatch(1);
        marker = text;
        armed = true;
    }

    /** Whether a message is being held (the application is waiting for the server's answer), within the time given. */
    boolean awaitHeld(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets later connections through unhindered (a held connection stays silent until the application is gone). */
    void release() {
        armed = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                Connection c = new Connection();
                start(() -> c.clientToServer(client, server));
                start(() -> c.serverToClient(server, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void start(Runnable pump) {
        Thread t = new Thread(pump, "smtp-relay-pump");
        t.setDaemon(true);
        t.start();
    }

    /** One relayed SMTP connection; it holds its replies from the moment the server has a complete message, if armed. */
    private final class Connection {
        private volatile boolean holding;

        void clientToServer(Socket client, Socket server) {
            byte[] last = new byte[END_OF_DATA.length];
            java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    boolean complete = false;
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(last, 1, last, 0, last.length - 1);
                        last[last.length - 1] = buffer[i];
                        complete |= java.util.Arrays.equals(last, END_OF_DATA);
                    }
                    current.write(buffer, 0, n);
                    if (complete) {
                        String text = current.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
                        current.reset();
                        synchronized (HoldingSmtpRelay.this) {
                            if (armed && (marker == null || text.contains(marker))) {
                                // Decided before the server can answer, so its "250" is never passed on.
                                holding = true;
                                armed = false;
                            }
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException gone) {
                // the application or the server closed the connection
            } finally {
                closeQuietly(client, server);
            }
        }

        void serverToClient(Socket server, Socket client) {
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (holding) {
                        held.countDown();
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException gone) {
                // closed
            } finally {
                if (!holding) {
                    closeQuietly(client, server);
                }
            }
        }
    }

    private static void closeQuietly(Socket... sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
