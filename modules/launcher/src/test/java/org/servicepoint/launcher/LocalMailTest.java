package org.servicepoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's mail folder: every message once, named so a person finds it, whatever order the mail arrives in. */
class LocalMailTest {

    @TempDir
    Path state;

    static void send(int port, String to, String subject) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(port));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress("servicepoint@localhost"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject);
        m.setText("body of " + subject);
        Transport.send(m);
    }

    @Test
    void mail_to_several_recipients_arriving_between_writes_is_kept_exactly_once_each_named_by_recipient_and_subject()
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path folder = state.resolve("mail");
        String[][] sent = {{"rosa@lib.example", "Report 1"}, {"bo@lib.example", "Report 1"}, {"rosa@lib.example", "Report 2"},
                {"dee@lib.example", "Report 1"}, {"bo@lib.example", "Report 2"}, {"amy@lib.example", "Report 3"},
                {"rosa@lib.example", "Overdue report 1"}};
        try (LocalMail mail = LocalMail.start(folder, port)) {
            // The writer runs between arrivals, as its timer does in the run: the mailboxes fill in another order than
            // the mail arrived (a later mail to rosa sorts before an earlier one to bo).
            for (String[] m : sent) {
                send(port, m[0], m[1]);
                mail.writeNew();
            }
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(sent.length);
        List<String> kept = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
                String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
                kept.add(to + " " + m.getSubject());
                names.add(file.getFileName() + " " + to + " " + m.getSubject().replace(' ', '-'));
            }
        }
        assertThat(kept).as("each message once").containsExactlyInAnyOrder(Stream.of(sent).map(m -> m[0] + " " + m[1]).toArray(String[]::new));
        assertThat(names).as("named by time, recipient and subject").allSatisfy(n -> {
            String[] parts = n.split(" ");
            assertThat(parts[0]).matches("\\d{8}-\\d{6}-.*\\.eml").contains(parts[1]).contains(parts[2]);
        });
    }
}
