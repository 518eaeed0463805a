package org.servicepoint.incidents.delivery.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server that refuses every recipient the way real servers do, quoting the address in its reply
 * ("550 5.1.1 <x@y>: Recipient address rejected"). GreenMail accepts every address, so this small one stands in for
 * the refusal only.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<String> replies = new CopyOnWriteArrayList<>();

    RefusingSmtpServer() throws IOException {
        listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "refusing-smtp");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The replies it gave to RCPT commands. */
    List<String> replies() {
        return replies;
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                 OutputStream out = s.getOutputStream()) {
                say(out, "220 refusing.test ESMTP");
                for (String line; (line = in.readLine()) != null; ) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                    switch (command) {
                        case "EHLO", "HELO" -> say(out, "250 refusing.test");
                        case "MAIL" -> say(out, "250 2.1.0 Ok");
                        case "RCPT" -> {
                            String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                            String reply = "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown";
                            replies.add(reply);
                            say(out, reply);
                        }
                        case "RSET", "NOOP" -> say(out, "250 2.0.0 Ok");
                        case "QUIT" -> {
                            say(out, "221 2.0.0 Bye");
                            throw new IOException("done");
                        }
                        default -> say(out, "502 5.5.2 Error: command not recognized");
                    }
                }
            } catch (IOException endOfConversation) {
                // next connection
            }
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
