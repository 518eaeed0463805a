package org.servicepoint.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real SMTP server (GreenMail) in the test JVM, for the application to mail incident reports to. Kept apart from
 * the test class, which is also deployed into the container, where GreenMail is not.
 */
final class TestMail {

    private static GreenMail smtp;

    private TestMail() {
    }

    static synchronized int start() {
        if (smtp == null) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        return smtp.getSmtp().getPort();
    }

    static synchronized int messageCount() {
        return smtp.getReceivedMessages().length;
    }

    /** How many received messages carry exactly this Message-ID. */
    static synchronized int withMessageId(String messageId) {
        int n = 0;
        try {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                String[] ids = m.getHeader("Message-ID");
                if (ids != null && ids[0].equals(messageId)) {
                    n++;
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    /** Messages received for one report (its id is in the Message-ID), per recipient address. */
    static synchronized Map<String, Integer> countsFor(String reportId) throws MessagingException {
        Map<String, Integer> counts = new TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getHeader("Message-ID")[0].contains(reportId)) {
                counts.merge(m.getRecipients(Message.RecipientType.TO)[0].toString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The Message-IDs of the messages received for one address, in the order they came (a patron's, say). */
    static synchronized java.util.List<String> messageIdsTo(String address) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        try {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                    ids.add(m.getHeader("Message-ID")[0]);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** The subjects and texts of the messages received for one address. */
    static synchronized java.util.List<String> textsTo(String address) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        try {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                    Object content = m.getContent();
                    String text = content instanceof jakarta.mail.internet.MimeMultipart parts
                            ? String.valueOf(parts.getBodyPart(0).getContent()) : String.valueOf(content);
                    texts.add(m.getSubject() + "\n" + text);
                }
            }
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }
}
